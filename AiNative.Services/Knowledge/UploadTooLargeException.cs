using AiNative.Services.Platform.Errors;

namespace AiNative.Services.Knowledge;

/// <summary>A file larger than <see cref="KnowledgeOptions.MaxUploadBytes"/>, found while it streams in.</summary>
public sealed class UploadTooLargeException(long limit)
    : PortalException($"The file is larger than the limit of {Sizes.Describe(limit)}. Split it, or ask an administrator to raise Portal:Knowledge:MaxUploadBytes.")
{
    public override int StatusCode => 413;

    public override string Title => "The file is too large";
}
