namespace AiNative.Services.Evaluation.Contexts;

/// <summary>One retrieved passage: the document it comes from (id or name, as the expected documents name them) and its text.</summary>
public sealed record RetrievedDocument(string Document, string Text);
