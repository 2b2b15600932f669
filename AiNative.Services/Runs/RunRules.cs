namespace AiNative.Services.Runs;

/// <summary>Limits of runs and their history, shared by validation and the database schema.</summary>
public static class RunRules
{
    public const int ProblemTitleMaxLength = 200;

    public const int ProblemDetailMaxLength = 2000;

    public const int MaxPageSize = 100;

    /// <summary>How much of the output a history row shows.</summary>
    public const int PreviewLength = 160;
}
