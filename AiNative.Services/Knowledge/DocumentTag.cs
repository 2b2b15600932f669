namespace AiNative.Services.Knowledge;

/// <summary>One <c>key=value</c> tag of a document; a key may have several values.</summary>
public sealed class DocumentTag
{
    public Guid DocumentId { get; set; }

    public required string Key { get; set; }

    public required string Value { get; set; }
}
