namespace AiNative.Services.Usage;

/// <summary>What a usage report groups its figures by; every report is also split by day (UTC).</summary>
public enum UsageDimension
{
    Model = 1,

    /// <summary>The gateway key that sent the request, or the person who did the work.</summary>
    Caller = 2,

    /// <summary>The route (or model, or prompt) an application asked the gateway for.</summary>
    Route = 3,

    Prompt = 4,

    Source = 5,
}
