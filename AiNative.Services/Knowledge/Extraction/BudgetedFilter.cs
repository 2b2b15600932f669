using System.Buffers;
using System.IO.Compression;
using System.Runtime.InteropServices;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace AiNative.Services.Knowledge.Extraction;

/// <summary>
/// One of PdfPig's filters, charging its output to the budget. Flate data is measured before it is decoded,
/// because PdfPig inflates a stream into one array: a bomb would be resident before it could be counted.
/// </summary>
internal sealed class BudgetedFilter(IFilter inner, PdfReadBudget budget) : IFilter
{
    private const int ScratchSize = 64 * 1024;

    public bool IsSupported => inner.IsSupported;

    public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
    {
        budget.CheckTime();
        if (inner is FlateFilter)
        {
            budget.Charge(InflatedLength(input, budget.Remaining));
            return inner.Decode(input, streamDictionary, filterProvider, filterIndex);
        }

        var decoded = inner.Decode(input, streamDictionary, filterProvider, filterIndex);
        budget.Charge(decoded.Length);
        return decoded;
    }

    /// <summary>The inflated length of zlib data, counted without keeping it, up to just past <paramref name="limit"/>.</summary>
    private static long InflatedLength(Memory<byte> input, long limit)
    {
        var compressed = MemoryMarshal.TryGetArray<byte>(input, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(input.ToArray(), writable: false);
        var scratch = ArrayPool<byte>.Shared.Rent(ScratchSize);
        long total = 0;
        try
        {
            using var inflater = new ZLibStream(compressed, CompressionMode.Decompress);
            int read;
            while (total <= limit && (read = inflater.Read(scratch, 0, scratch.Length)) > 0)
            {
                total += read;
            }
        }
        catch (InvalidDataException)
        {
            // Damaged data: PdfPig's own filter decides what it can recover; what was counted stands.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }

        return total;
    }
}
