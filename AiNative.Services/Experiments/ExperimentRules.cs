namespace AiNative.Services.Experiments;

/// <summary>Limits of experiments, shared by the services, the API and the pages.</summary>
public static class ExperimentRules
{
    public const int NameMaxLength = 100;

    public const int DescriptionMaxLength = 500;

    public const int VariantNameMaxLength = 60;

    public const int MinVariants = 2;

    public const int MaxVariants = 6;

    public const int MaxEvaluators = 10;

    /// <summary>The longest output a cell keeps; a longer answer is cut with a note.</summary>
    public const int OutputMaxLength = 100_000;

    public const int ErrorMaxLength = 2_000;

    public const int MaxPageSize = 100;

    public const int DefaultPageSize = 20;
}
