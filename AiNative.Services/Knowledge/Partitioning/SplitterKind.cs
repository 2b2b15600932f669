namespace AiNative.Services.Knowledge.Partitioning;

public enum SplitterKind
{
    /// <summary>Keeps headings and paragraphs together; cuts inside a paragraph only when it is too long.</summary>
    Markdown = 1,

    /// <summary>Packs sentences, ignoring structure except page breaks.</summary>
    PlainText = 2,
}
