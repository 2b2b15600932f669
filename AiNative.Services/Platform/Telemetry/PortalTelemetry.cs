using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AiNative.Services.Platform.Telemetry;

/// <summary>The portal's own traces and metrics; model calls use the GenAI semantic conventions' names.</summary>
public static class PortalTelemetry
{
    public const string Name = "AiNative.Portal";

    public static ActivitySource Source { get; } = new(Name);

    public static Meter Meter { get; } = new(Name);
}
