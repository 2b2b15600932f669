using AiNative.Services.Knowledge.Extraction;

namespace AiNative.Services.Knowledge;

/// <summary>A page of a document's extracted sections, with the size of the whole text.</summary>
public sealed record ExtractedText(Paged<ExtractedSection> Sections, long Characters, int? Pages);
