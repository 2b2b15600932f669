namespace AiNative.Portal.Client.Contracts.Experiments;

/// <summary>One side: the experiment, the dataset version it pinned, its state, the variant compared and how it was chosen, and its variants to choose from.</summary>
public sealed record ComparedSideDto(
    Guid ExperimentId,
    string ExperimentName,
    Guid DatasetId,
    string DatasetName,
    int DatasetVersion,
    ExperimentStatusDto Status,
    Guid VariantId,
    string VariantName,
    VariantChoiceDto ChosenBy,
    string? ChosenOn,
    IReadOnlyList<ExperimentVariantDto> Variants);
