using AiNative.Services.Platform.Errors;

namespace AiNative.Services.Knowledge.Extraction;

/// <summary>A file the portal will not ingest, with what is wrong in words the uploader can act on.</summary>
public sealed class DocumentRejectedException(string message, int statusCode = 400, Exception? inner = null)
    : PortalException(message, inner)
{
    public override int StatusCode => statusCode;

    public override string Title => "The document cannot be ingested";
}
