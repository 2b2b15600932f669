using AiNative.Services.Models;
using AiNative.Services.Prompts;

namespace AiNative.Services.Evaluation.Judges;

/// <summary>
/// The rubrics a team starts from, kept as ordinary prompts so that they are versioned, labelled and edited like any
/// other: a graded judge, a faithfulness judge for answers from retrieved passages, and a pairwise judge.
/// </summary>
public static class RubricPrompts
{
    public const string CommitMessage = "First version: the rubric a team starts from; edit it as a new version.";

    /// <summary>Judges answer as they are told to, as deterministically as the model allows.</summary>
    public static GenerationSettings Settings { get; } = new() { Temperature = 0, MaxOutputTokens = 300 };

    public static RubricPrompt Quality { get; } = new(
        "Judge: answer quality",
        "Grades an answer from 1 to 5 for correctness, completeness and clarity, against the expected answer when there is one.",
        "You grade answers of an AI assistant. Be strict and consistent.\n" +
        "Score from 1 to 5: 5 = correct, complete and clear; 4 = correct with a minor gap; 3 = partly correct or " +
        "incomplete; 2 = mostly wrong or off-topic; 1 = wrong, harmful or empty.\n" +
        "When an expected answer is given, an answer that contradicts it is at most 2.\n" +
        "Reply only with a JSON object: {\"score\": <1-5>, \"reason\": \"<one or two sentences>\"}.",
        "What the assistant was asked:\n{{$input}}\n\nExpected answer (may be empty):\n{{$expected}}\n\nThe assistant's answer:\n{{$output}}",
        [Variable("input", "The messages the assistant was given."), Variable("expected", "The dataset item's expected output, if any."), Variable("output", "The answer to grade.")]);

    public static RubricPrompt Faithfulness { get; } = new(
        "Judge: faithfulness",
        "Grades from 1 to 5 whether every claim of an answer is supported by the passages retrieval found.",
        "You check whether an answer is faithful to its sources: every claim must be supported by the numbered passages.\n" +
        "Score from 1 to 5: 5 = every claim supported; 4 = one minor unsupported detail; 3 = some claims unsupported; " +
        "2 = mostly unsupported; 1 = contradicts the passages or invents facts. Saying the passages hold no answer, when they do not, is faithful.\n" +
        "Reply only with a JSON object: {\"score\": <1-5>, \"reason\": \"<which claims are or are not supported>\"}.",
        "Passages:\n{{$context}}\n\nAnswer:\n{{$output}}",
        [Variable("context", "The retrieved passages, numbered."), Variable("output", "The answer to check.")]);

    public static RubricPrompt Pairwise { get; } = new(
        "Judge: pairwise preference",
        "Says which of two answers to the same request is better, or a tie; run twice with the answers swapped.",
        "You compare two answers of AI assistants to the same request and say which is better: more correct, complete " +
        "and clear. Ignore which one comes first and how long they are. Say tie when neither is better.\n" +
        "Reply only with a JSON object: {\"winner\": \"first\" | \"second\" | \"tie\", \"reason\": \"<one or two sentences>\"}.",
        "Request:\n{{$input}}\n\nExpected answer (may be empty):\n{{$expected}}\n\nFirst answer:\n{{$first}}\n\nSecond answer:\n{{$second}}",
        [Variable("input", "The messages both assistants were given."), Variable("expected", "The dataset item's expected output, if any."),
            Variable("first", "The answer shown first."), Variable("second", "The answer shown second.")]);

    public static IReadOnlyList<RubricPrompt> All { get; } = [Quality, Faithfulness, Pairwise];

    private static PromptVariable Variable(string name, string description) => new() { Name = name, Description = description, DefaultValue = string.Empty };
}
