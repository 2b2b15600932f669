using System.Text;

namespace AiNative.Services.Knowledge.Extraction;

/// <summary>
/// Decodes uploaded text: UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order
/// mark. Anything else is refused with where the first bad byte is, rather than guessed at.
/// </summary>
public static class TextDecoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return DecodeUtf8(bytes[3..], 3);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode.GetString(bytes[2..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }

        return DecodeUtf8(bytes, 0);
    }

    public static string Decode(Stream content)
    {
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        return Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    private static string DecodeUtf8(ReadOnlySpan<byte> bytes, int offset)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            var at = e.Index >= 0 ? $" (byte 0x{e.BytesUnknown?.FirstOrDefault():X2} at offset {e.Index + offset:N0})" : string.Empty;
            throw new DocumentRejectedException(
                $"The file is not UTF-8 text{at}; it may be in a legacy encoding such as Windows-1252. Save it as UTF-8 and upload it again.", 400, e);
        }
    }
}
