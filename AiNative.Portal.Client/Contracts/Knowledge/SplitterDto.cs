namespace AiNative.Portal.Client.Contracts.Knowledge;

public enum SplitterDto
{
    /// <summary>By headings and paragraphs.</summary>
    Markdown = 1,

    /// <summary>By sentences.</summary>
    PlainText = 2,
}
