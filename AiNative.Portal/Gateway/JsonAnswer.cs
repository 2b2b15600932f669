using System.Buffers;
using System.Text.Json;

namespace AiNative.Portal.Gateway;

/// <summary>
/// Writes a JSON answer whole, with its Content-Length: Kestrel then sends the headers and the body in one write
/// and the client reads to a known end, instead of a chunk, a flush and a separate end-of-body chunk.
/// </summary>
internal static class JsonAnswer
{
    public static async Task WriteAsync(HttpResponse response, Action<Utf8JsonWriter> write, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            write(json);
        }

        response.ContentType = "application/json";
        response.ContentLength = buffer.WrittenCount;
        await response.Body.WriteAsync(buffer.WrittenMemory, cancellationToken);
    }
}
