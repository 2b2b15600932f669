namespace AiNative.Portal.Client.Contracts.Experiments;

public enum RowFilterDto
{
    All = 1,

    /// <summary>Items whose cell failed in at least one variant.</summary>
    Failures = 2,
}
