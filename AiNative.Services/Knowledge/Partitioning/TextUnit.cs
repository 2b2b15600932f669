namespace AiNative.Services.Knowledge.Partitioning;

/// <summary>
/// The smallest piece the partitioner packs: a paragraph, or a sentence (or a token run) of one
/// that is too long. <see cref="Section"/> numbers the section it came from.
/// </summary>
internal sealed record TextUnit(string Text, int Tokens, int Section, int? Page, string? Heading, bool StartsParagraph);
