namespace AiNative.Services.Experiments.Running;

/// <summary>The experiment runner of this process; bound from <c>Portal:Experiments</c>.</summary>
public sealed class ExperimentOptions
{
    public const string Section = "Portal:Experiments";

    /// <summary>Whether the first start seeds the demo experiment (with three demo evaluators) into the demo team.</summary>
    public bool SeedDemoExperiment { get; set; } = true;

    /// <summary>Whether this process runs cells; a replica may leave them to others.</summary>
    public bool RunnerEnabled { get; set; } = true;

    /// <summary>Calls in flight at once per provider (a team's registered provider), in this process.</summary>
    public int ConcurrencyPerProvider { get; set; } = 4;

    /// <summary>Per-provider limits instead of <see cref="ConcurrencyPerProvider"/>, by the provider's id.</summary>
    public Dictionary<Guid, int> ProviderConcurrency { get; set; } = [];

    /// <summary>How long a claimed cell stays this runner's without a heartbeat; a killed process's cells are taken again after it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often an idle runner looks for cells it was not told about (a Retry-After ending, another replica's start).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The wait after a 429 whose provider said no Retry-After.</summary>
    public TimeSpan DefaultRetryAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait a Retry-After can ask for; a longer one waits this long and asks again.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Times one cell waits out a rate limit before it fails with the provider's reason.</summary>
    public int MaxRateLimitRetries { get; set; } = 20;

    /// <summary>Claims of one cell (each interrupted by a stopped process) before it fails.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Cells claimed by one statement at most.</summary>
    public int ClaimBatch { get; set; } = 32;
}
