namespace AiNative.Services.Datasets.Import;

/// <summary>What an import does when some rows cannot become items.</summary>
public enum BadRowHandling
{
    /// <summary>Import nothing, and name the bad rows.</summary>
    ImportNothing = 0,

    /// <summary>Import every good row and report the bad ones as skipped.</summary>
    SkipBadRows = 1,
}
