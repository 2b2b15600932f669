using AiNative.Portal.Client.Components.Prompts;
using AiNative.Portal.Client.Contracts.Prompts;
using AiNative.Portal.Client.Contracts.Runs;

namespace AiNative.Portal.Client.Components.Playground;

/// <summary>
/// The playground's inputs: a saved version or ad-hoc templates, variable values, the knowledge base
/// that fills a variable, a model and settings.
/// </summary>
public sealed class PlaygroundDraft
{
    public bool IsAdHoc { get; set; }

    public Guid? PromptId { get; set; }

    public int? Version { get; set; }

    public string SystemTemplate { get; set; } = string.Empty;

    public string UserTemplate { get; set; } = string.Empty;

    public IReadOnlyList<VariableInput> Variables { get; private set; } = [];

    /// <summary>The knowledge base the saved version fills a variable from, if any.</summary>
    public RetrievalSettingsDto? VersionRetrieval { get; private set; }

    /// <summary>The knowledge base an ad-hoc prompt fills a variable from, while it is being chosen.</summary>
    public RetrievalDraft AdHocRetrieval { get; private set; } = new();

    /// <summary>What the run will retrieve, or null.</summary>
    public RetrievalSettingsDto? Retrieval => IsAdHoc ? AdHocRetrieval.ToDto() : VersionRetrieval;

    /// <summary>The variables that take a value from the person: all but the one the knowledge base fills.</summary>
    public IReadOnlyList<VariableInput> InputVariables => Retrieval is { } retrieval
        ? Variables.Where(v => !string.Equals(v.Name, retrieval.ContextVariable, StringComparison.OrdinalIgnoreCase)).ToList()
        : Variables;

    public Guid? ModelId { get; set; }

    public float? Temperature { get; set; }

    public float? TopP { get; set; }

    public int? MaxOutputTokens { get; set; }

    public PromptResponseFormatDto ResponseFormat { get; set; } = PromptResponseFormatDto.Text;

    public const string StartingLabel = "production";

    /// <summary>The version asked for, else the one <see cref="StartingLabel"/> points at, else the latest; null before the first.</summary>
    public static PromptVersionDto? StartingVersion(PromptDetailsDto prompt, int? asked)
    {
        var labelled = prompt.Labels.FirstOrDefault(l => l.Name == StartingLabel)?.Version;
        return prompt.Versions.FirstOrDefault(v => v.Number == asked)
            ?? prompt.Versions.FirstOrDefault(v => v.Number == labelled)
            ?? prompt.Latest;
    }

    /// <summary>
    /// Runs <paramref name="version"/> of <paramref name="prompt"/> with its model and settings.
    /// Values typed over a default are kept; the others take the version's defaults.
    /// </summary>
    public void UseVersion(PromptDetailsDto prompt, PromptVersionDto version, IReadOnlyList<ChatModelOptionDto> models)
    {
        var typed = Variables.Where(v => v.Value != (v.DefaultValue ?? string.Empty))
            .ToDictionary(v => v.Name, v => v.Value, StringComparer.OrdinalIgnoreCase);
        IsAdHoc = false;
        PromptId = prompt.Id;
        Version = version.Number;
        SystemTemplate = version.SystemTemplate;
        UserTemplate = version.UserTemplate;
        Variables = version.Variables.Select(v => new VariableInput(v.Name, v.DefaultValue, v.Description)
        {
            Value = typed.GetValueOrDefault(v.Name) ?? v.DefaultValue ?? string.Empty,
        }).ToList();
        VersionRetrieval = version.Retrieval;
        UseModel(version.ModelId, models);
        UseSettings(version.Settings);
    }

    /// <summary>Turns to ad-hoc templates, starting from the version's templates and knowledge base, to change them.</summary>
    public void EditAsAdHoc()
    {
        IsAdHoc = true;
        AdHocRetrieval = RetrievalDraft.From(VersionRetrieval);
    }

    /// <summary>Keeps the values already typed for variables that the templates still use.</summary>
    public void UseVariables(IReadOnlyList<string> names)
    {
        var typed = Variables.ToDictionary(v => v.Name, StringComparer.OrdinalIgnoreCase);
        Variables = names.Select(name => typed.TryGetValue(name, out var kept) ? kept : new VariableInput(name)).ToList();
    }

    /// <summary>The inputs of a saved run; a run of a prompt that is gone comes back as ad-hoc templates.</summary>
    public void UseRun(RunDetailsDto run, PromptDetailsDto? prompt, IReadOnlyList<ChatModelOptionDto> models)
    {
        var version = prompt?.Versions.FirstOrDefault(v => v.Number == run.Summary.PromptVersion);
        if (prompt is not null && version is not null)
        {
            UseVersion(prompt, version, models);
        }
        else
        {
            IsAdHoc = true;
            PromptId = null;
            Version = null;
            SystemTemplate = run.SystemTemplate;
            UserTemplate = run.UserTemplate;
            Variables = run.Variables.Select(v => new VariableInput(v.Name)).ToList();
            VersionRetrieval = null;
            AdHocRetrieval = RetrievalDraft.From(run.Retrieval);
        }

        var values = run.Variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.OrdinalIgnoreCase);
        foreach (var variable in Variables.Where(v => values.ContainsKey(v.Name)))
        {
            variable.Value = values[variable.Name];
        }

        UseModel(run.Summary.ModelId, models);
        UseSettings(run.Settings);
    }

    /// <summary>
    /// The variables that need a value and have none, as field errors in the portal's words, so
    /// they show at once; the portal refuses them all the same.
    /// </summary>
    public IReadOnlyDictionary<string, string[]> MissingValues() =>
        InputVariables.Where(v => v.ToValue() is null)
            .ToDictionary(v => $"Values.{v.Name}", v => new[] { $"Enter a value for '{v.Name}'; it has no default." });

    public StartRunRequest ToRequest() => new(
        ModelId ?? Guid.Empty,
        IsAdHoc ? null : PromptId,
        IsAdHoc ? null : Version,
        IsAdHoc ? SystemTemplate : null,
        IsAdHoc ? UserTemplate : null,
        Values: InputVariables.ToDictionary(v => v.Name, v => v.ToValue()),
        Settings: new PromptSettingsDto(Temperature, TopP, MaxOutputTokens, ResponseFormat),
        Retrieval: IsAdHoc ? AdHocRetrieval.ToDto() : null);

    /// <summary>The model asked for when the team still has it; otherwise the current choice, or the first model.</summary>
    public void UseModel(Guid? modelId, IReadOnlyList<ChatModelOptionDto> models) =>
        ModelId = models.Any(m => m.Id == modelId) ? modelId
            : models.Any(m => m.Id == ModelId) ? ModelId
            : models.FirstOrDefault()?.Id;

    private void UseSettings(PromptSettingsDto settings)
    {
        Temperature = settings.Temperature;
        TopP = settings.TopP;
        MaxOutputTokens = settings.MaxOutputTokens;
        ResponseFormat = settings.ResponseFormat;
    }
}
