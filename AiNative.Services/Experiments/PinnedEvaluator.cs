using AiNative.Services.Evaluation.Definitions;

namespace AiNative.Services.Experiments;

/// <summary>An evaluator version as an experiment chose it: its name (the score's name), number, kind and settings.</summary>
public sealed record PinnedEvaluator(Guid DefinitionId, string Name, int Version, EvaluatorKind Kind, EvaluatorSettings Settings);
