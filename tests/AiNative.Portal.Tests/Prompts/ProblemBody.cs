namespace AiNative.Portal.Tests.Prompts;

/// <summary>The problem details the API answers a failure with.</summary>
internal sealed record ProblemBody(string? Title, string? Detail, Dictionary<string, string[]>? Errors);
