using AiNative.Services.Platform.Storage;

namespace AiNative.Services.Knowledge;

/// <summary>Throws <see cref="UploadTooLargeException"/> past a limit, so an upload stops as soon as it is too large.</summary>
internal sealed class LimitedStream(Stream inner, long limit) : CountingReadStream(inner, ownsInner: false)
{
    protected override void OnRead(long bytesRead)
    {
        if (bytesRead > limit)
        {
            throw new UploadTooLargeException(limit);
        }
    }
}
