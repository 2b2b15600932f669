using AiNative.Services.Models;

namespace AiNative.Services.Prompts;

/// <summary>
/// The demo prompt that draws on the seeded "Portal handbook" base: its question is searched for and
/// the chunks found fill its context, so the playground answers from the handbook on first start.
/// </summary>
internal static class HandbookPrompt
{
    public const string Name = "Handbook answer";

    public const string Description = "Answers a question about AiNative Portal from the Portal handbook knowledge base, citing its numbered sources.";

    public const string DefaultQuestion = "How are provider API keys stored?";

    public const string SystemTemplate =
        "You are the support assistant of AiNative Portal.\n" +
        "Answer only from these numbered sources of the handbook, and cite each source you use by its number, like [1]:\n\n" +
        "{{$context}}\n\n" +
        "If the sources do not hold the answer, say so.";

    public const string UserTemplate = "Question: {{$question}}";

    public const string CommitMessage = "First version: answer from the Portal handbook with citations.";

    public static List<PromptVariable> Variables() =>
    [
        new() { Name = "context", Description = "Filled with the handbook's best chunks when the prompt runs." },
        new() { Name = "question", DefaultValue = DefaultQuestion, Description = "The user's question; the handbook is searched for it." },
    ];

    public static GenerationSettings Settings { get; } = new() { Temperature = 0.1f, MaxOutputTokens = 400 };
}
