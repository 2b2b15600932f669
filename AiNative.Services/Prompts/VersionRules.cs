using AiNative.Services.Models;
using AiNative.Services.Platform.Errors;

namespace AiNative.Services.Prompts;

/// <summary>The checks a new version passes besides its templates.</summary>
internal static class VersionRules
{
    public const string VariablesField = "Variables";

    public const string ModelField = "ModelId";

    /// <summary>Definitions must name distinct variables the templates use.</summary>
    public static void CheckVariables(IReadOnlyList<PromptVariable>? definitions, IReadOnlyList<string> used, Validation validation)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var definition in definitions ?? [])
        {
            var name = definition.Name?.Trim() ?? string.Empty;
            validation
                .Require(name.Length > 0, VariablesField, "Every variable needs a name.")
                .Require(name.Length == 0 || seen.Add(name), VariablesField, $"The variable '{name}' is listed more than once; keep one entry.")
                .Require(name.Length == 0 || used.Contains(name, StringComparer.OrdinalIgnoreCase), VariablesField,
                    $"The templates do not use '{name}'. Remove its entry, or use it as {{{{${name}}}}}.")
                .Require((definition.DefaultValue?.Length ?? 0) <= PromptRules.VariableDefaultMaxLength, VariablesField,
                    $"The default of '{name}' must be at most {PromptRules.VariableDefaultMaxLength} characters.")
                .Require((definition.Description?.Length ?? 0) <= PromptRules.VariableDescriptionMaxLength, VariablesField,
                    $"The description of '{name}' must be at most {PromptRules.VariableDescriptionMaxLength} characters.");
        }
    }

    public static void CheckModel(Guid? modelId, ModelDefinition? model, Validation validation)
    {
        if (modelId is null)
        {
            return;
        }

        validation.Require(model is not null, ModelField, "The model was not found in this team. Pick one of the team's chat models.");
        validation.Require(model is null || model.Kind == ModelKind.Chat, ModelField,
            $"'{model?.Name}' is an embedding model; a prompt needs a chat model.");
    }

    public static void CheckSettings(GenerationSettings? settings, ModelDefinition? model, Validation validation)
    {
        if (settings is null)
        {
            validation.Require(false, "Settings", "Give the generation settings (an empty object keeps the model's defaults).");
            return;
        }

        validation
            .Require(settings.Temperature is null or (>= 0 and <= PromptRules.MaxTemperature), "Temperature",
                $"The temperature must be between 0 and {PromptRules.MaxTemperature}.")
            .Require(settings.TopP is null or (>= 0 and <= PromptRules.MaxTopP), "TopP", "Top-p must be between 0 and 1.")
            .Require(settings.MaxOutputTokens is null or > 0, "MaxOutputTokens", "The maximum number of output tokens must be more than 0.")
            .Require(Enum.IsDefined(settings.ResponseFormat), "ResponseFormat", "The response format must be Text or Json.");
        if (model is { MaxOutputTokens: > 0 } && settings.MaxOutputTokens > model.MaxOutputTokens)
        {
            validation.Require(false, "MaxOutputTokens",
                $"'{model.Name}' returns at most {model.MaxOutputTokens} output tokens; lower the maximum to that or less.");
        }
    }

    /// <summary>The variables the templates use, in order, each with its definition's default and description.</summary>
    public static List<PromptVariable> VariablesOf(IReadOnlyList<string> used, IReadOnlyList<PromptVariable>? definitions)
    {
        var byName = (definitions ?? []).Where(d => !string.IsNullOrWhiteSpace(d.Name))
            .ToDictionary(d => d.Name.Trim(), StringComparer.OrdinalIgnoreCase);
        return used.Select(name => byName.TryGetValue(name, out var definition)
                ? new PromptVariable
                {
                    Name = name,
                    DefaultValue = definition.DefaultValue,
                    Description = string.IsNullOrWhiteSpace(definition.Description) ? null : definition.Description.Trim(),
                }
                : new PromptVariable { Name = name })
            .ToList();
    }
}
