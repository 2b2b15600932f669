namespace AiNative.Services.Evaluation.Definitions;

/// <summary>What a person saves: the name and description, and the kind and settings that make a version.</summary>
public sealed record EvaluatorInput(string? Name, string? Description, EvaluatorKind Kind, EvaluatorSettings Settings);
