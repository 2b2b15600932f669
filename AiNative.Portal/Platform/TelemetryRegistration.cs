using AiNative.Services.Platform.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AiNative.Portal.Platform;

public static class TelemetryRegistration
{
    /// <summary>
    /// Traces and metrics of requests and model calls. They are exported over OTLP when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, and cost nothing otherwise.
    /// </summary>
    public static IHostApplicationBuilder AddPortalTelemetry(this IHostApplicationBuilder builder)
    {
        // Without an exporter nothing would read them: listening anyway made every request and model call build
        // activities and record tags for nobody (measured on the gateway's hot path).
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return builder;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(PortalTelemetry.Name))
            .WithTracing(tracing => tracing
                .AddSource(PortalTelemetry.Name)
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !context.Request.Path.StartsWithSegments("/_framework")))
            .WithMetrics(metrics => metrics
                .AddMeter(PortalTelemetry.Name)
                .AddAspNetCoreInstrumentation())
            .UseOtlpExporter();
        return builder;
    }
}
