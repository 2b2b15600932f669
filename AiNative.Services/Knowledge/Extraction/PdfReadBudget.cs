using System.Diagnostics;

namespace AiNative.Services.Knowledge.Extraction;

/// <summary>
/// How many decoded bytes and how much time reading one PDF may take. A small file can hold content streams
/// that expand to gigabytes, or pages that take minutes to lay out; either is refused in words instead.
/// </summary>
internal sealed class PdfReadBudget(long maxDecodedBytes, TimeSpan maxTime)
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private long _decoded;

    public long Remaining => maxDecodedBytes - _decoded;

    /// <summary>Counts <paramref name="bytes"/> decoded, and refuses the document once the total passes the limit.</summary>
    public void Charge(long bytes)
    {
        _decoded += bytes;
        if (_decoded > maxDecodedBytes)
        {
            throw new DocumentRejectedException(
                $"The PDF's content expands to more than {Sizes.Describe(maxDecodedBytes)} when decompressed, so it is not read: "
                + "it may be a decompression bomb. Print it to a new PDF or upload its text instead.");
        }

        CheckTime();
    }

    public void CheckTime()
    {
        if (Stopwatch.GetElapsedTime(_started) > maxTime)
        {
            throw new DocumentRejectedException(
                $"Reading the PDF's text took longer than {maxTime.TotalSeconds:0.###} seconds, so it was stopped. "
                + "Split the PDF into smaller files, or upload its text instead.");
        }
    }
}
