using AiNative.Portal.Client.Contracts.Prompts;

namespace AiNative.Portal.Client.Contracts.Runs;

/// <summary>
/// A saved run in full: its inputs (with the knowledge base that filled a variable, if any), the
/// messages sent, the whole untrusted output, and its trace.
/// </summary>
public sealed record RunDetailsDto(
    RunSummaryDto Summary,
    string SystemTemplate,
    string UserTemplate,
    IReadOnlyList<RunVariableDto> Variables,
    PromptSettingsDto Settings,
    IReadOnlyList<RunMessageDto> Messages,
    string Output,
    IReadOnlyList<RunSpanDto> Spans,
    RetrievalSettingsDto? Retrieval = null);
