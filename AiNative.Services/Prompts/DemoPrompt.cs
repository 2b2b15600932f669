using AiNative.Services.Models;

namespace AiNative.Services.Prompts;

/// <summary>
/// The prompt a fresh portal starts with. Its context describes the portal, so the built-in
/// extractive responder answers the default question from it and the playground works at once.
/// </summary>
internal static class DemoPrompt
{
    public const string Name = "Support answer";

    public const string Description = "Answers a user's question about AiNative Portal from the supplied context.";

    public const string DefaultQuestion = "How do I promote a new prompt version to production?";

    public const string DefaultContext =
        "AiNative Portal keeps prompts as versioned templates with variables. " +
        "Every saved version is immutable and gets the next number. " +
        "Labels such as production and staging point at one version each, and moving a label promotes a version without a deploy. " +
        "The playground renders a prompt and streams the answer with its tokens, latency and cost. " +
        "Knowledge bases answer questions with citations from uploaded documents.";

    public const string FirstSystemTemplate =
        "You are the support assistant of AiNative Portal.\n" +
        "Answer the question using this context:\n" +
        "{{$context}}";

    public const string SecondSystemTemplate =
        "You are the support assistant of AiNative Portal.\n" +
        "Answer the question in at most three sentences, using only this context:\n" +
        "{{$context}}\n" +
        "If the context does not answer the question, say so.";

    public const string UserTemplate = "Question: {{$question}}";

    public static List<PromptVariable> Variables() =>
    [
        new() { Name = "context", DefaultValue = DefaultContext, Description = "What the assistant may quote from." },
        new() { Name = "question", DefaultValue = DefaultQuestion, Description = "The user's question." },
    ];

    public static GenerationSettings FirstSettings { get; } = new() { Temperature = 0.2f };

    public static GenerationSettings SecondSettings { get; } = new() { Temperature = 0.1f, MaxOutputTokens = 300 };
}
