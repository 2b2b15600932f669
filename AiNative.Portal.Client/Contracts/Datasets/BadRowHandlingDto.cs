namespace AiNative.Portal.Client.Contracts.Datasets;

public enum BadRowHandlingDto
{
    /// <summary>Import nothing when any row is bad, and name the bad rows.</summary>
    ImportNothing = 0,

    /// <summary>Import the good rows and report the bad ones as skipped.</summary>
    SkipBadRows = 1,
}
