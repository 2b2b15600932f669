using AiNative.Services.Platform.Storage;

namespace AiNative.Portal.Components.Pages.Knowledge;

/// <summary>
/// Reports the bytes read so far from a browser file's stream, so the page can draw the file's
/// upload bar while the server pulls its bytes.
/// </summary>
public sealed class ProgressStream(Stream inner, Action<long> reportRead) : CountingReadStream(inner, ownsInner: true)
{
    protected override void OnRead(long bytesRead) => reportRead(bytesRead);
}
