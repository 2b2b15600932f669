using System.Text.Json.Nodes;
using AiNative.Services.Prompts;

namespace AiNative.Services.Datasets;

/// <summary>
/// The dataset a fresh portal starts with: questions about the portal for the "Support answer" prompt, with its
/// variables (<c>context</c>, <c>question</c>) and the sentence of the context that answers each, so an experiment
/// over the offline model has something to score at once. One question is not answered by the context.
/// </summary>
internal static class DemoDataset
{
    public const string Name = "Support questions";

    public const string Description = $"Questions for the '{DemoPrompt.Name}' prompt, each with the sentence of its context that answers it.";

    public const string Summary = "Seeded with the demo questions";

    public static IReadOnlyList<ItemContent> Items { get; } =
    [
        Item(DemoPrompt.DefaultQuestion,
            "Labels such as production and staging point at one version each, and moving a label promotes a version without a deploy.", "labels"),
        Item("Can a saved prompt version be changed later?", "Every saved version is immutable and gets the next number.", "versions"),
        Item("What does the playground show when a prompt runs?",
            "The playground renders a prompt and streams the answer with its tokens, latency and cost.", "playground"),
        Item("How does the portal keep prompts?", "AiNative Portal keeps prompts as versioned templates with variables.", "prompts"),
        Item("Where do knowledge base answers get their citations from?", "Knowledge bases answer questions with citations from uploaded documents.", "knowledge"),
        Item("How much does a seat of the portal cost per month?", "The context does not say what the portal costs.", "unanswerable"),
    ];

    private static ItemContent Item(string question, string expected, string topic) => new()
    {
        Variables = new JsonObject { ["context"] = DemoPrompt.DefaultContext, ["question"] = question },
        ExpectedOutput = expected,
        Metadata = new JsonObject { ["topic"] = topic },
    };
}
