namespace AiNative.Services.Gateway.Routes;

/// <summary>
/// Where a route sends <paramref name="Weight"/> out of the sum of its targets' weights: one of the team's chat models
/// (<paramref name="ModelId"/>), or a prompt of the registry (<paramref name="Prompt"/>, a <see cref="PromptReference"/>
/// such as <c>prompt:support@production</c> or <c>prompt:support#3</c>), whose version runs on its own model. Exactly one
/// of the two is set; weights between two labels of one prompt are an A/B test of its versions.
/// </summary>
public sealed record RouteTarget(Guid? ModelId, int Weight, string? Prompt = null)
{
    public static RouteTarget ForPrompt(string prompt, int weight) => new(null, weight, prompt);
}
