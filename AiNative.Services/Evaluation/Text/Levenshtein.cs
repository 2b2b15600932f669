namespace AiNative.Services.Evaluation.Text;

/// <summary>
/// Edit distance by Hyyrö's bit-vector algorithm (2003, after Myers 1999): a column of the classic table is 64
/// cells per machine word, so texts of a few hundred characters cost a few thousand word operations instead of
/// the table's hundreds of thousands of cells. No package that restores here offers it, so it is written here.
/// </summary>
public static class Levenshtein
{
    private const int DirectRows = 256;

    /// <summary>The fewest single-character insertions, deletions and substitutions that turn one text into the other.</summary>
    public static int Distance(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        // A shared start and end cost nothing, and model outputs close to their expected output share most of both.
        var prefix = a.CommonPrefixLength(b);
        a = a[prefix..];
        b = b[prefix..];
        var suffix = 0;
        while (suffix < a.Length && suffix < b.Length && a[a.Length - 1 - suffix] == b[b.Length - 1 - suffix])
        {
            suffix++;
        }

        a = a[..^suffix];
        b = b[..^suffix];
        if (a.Length < b.Length)
        {
            var swap = a;
            a = b;
            b = swap;
        }

        return b.IsEmpty ? a.Length : BitParallelDistance(a, b);
    }

    /// <summary>1 − distance ÷ the longer length: 1 for equal texts (two empty ones too), 0 for nothing in common.</summary>
    public static double Similarity(string a, string b)
    {
        var longer = Math.Max(a.Length, b.Length);
        return longer == 0 ? 1 : 1 - ((double)Distance(a, b) / longer);
    }

    /// <summary>
    /// Walks <paramref name="text"/> one character at a time, keeping the vertical differences (+1 or −1) of the
    /// current column down <paramref name="pattern"/> as bit vectors, in blocks of 64 that pass their carries on.
    /// </summary>
    private static int BitParallelDistance(ReadOnlySpan<char> text, ReadOnlySpan<char> pattern)
    {
        var words = (pattern.Length + 63) / 64;

        // Where each character occurs in the pattern: a row of words per character, direct for the first 256.
        var direct = words == 1 ? stackalloc ulong[DirectRows] : new ulong[DirectRows * words];
        Dictionary<char, ulong[]>? others = null;
        for (var j = 0; j < pattern.Length; j++)
        {
            var c = pattern[j];
            var bit = 1UL << (j & 63);
            if (c < DirectRows)
            {
                direct[(c * words) + (j >> 6)] |= bit;
            }
            else
            {
                others ??= [];
                if (!others.TryGetValue(c, out var row))
                {
                    others[c] = row = new ulong[words];
                }

                row[j >> 6] |= bit;
            }
        }

        var plus = words == 1 ? stackalloc ulong[1] : new ulong[words];
        var minus = words == 1 ? stackalloc ulong[1] : new ulong[words];
        plus.Fill(ulong.MaxValue);
        minus.Clear();
        var lastBit = 1UL << ((pattern.Length - 1) & 63);
        var distance = pattern.Length;
        ReadOnlySpan<ulong> absent = words == 1 ? stackalloc ulong[1] : new ulong[words];

        foreach (var c in text)
        {
            ReadOnlySpan<ulong> matches = c < DirectRows
                ? direct.Slice(c * words, words)
                : others is not null && others.TryGetValue(c, out var row) ? row : absent;

            // The first row of the table grows by one per character: a horizontal +1 enters at the top.
            ulong plusCarry = 1, minusCarry = 0;
            for (var w = 0; w < words; w++)
            {
                var x = matches[w] | minusCarry;
                var vp = plus[w];
                var vn = minus[w];
                var diagonalZero = (((x & vp) + vp) ^ vp) | x | vn;
                var horizontalPlus = vn | ~(diagonalZero | vp);
                var horizontalMinus = diagonalZero & vp;

                var plusIn = plusCarry;
                var minusIn = minusCarry;
                var top = w < words - 1 ? 1UL << 63 : lastBit;
                plusCarry = (horizontalPlus & top) != 0 ? 1UL : 0UL;
                minusCarry = (horizontalMinus & top) != 0 ? 1UL : 0UL;

                horizontalPlus = (horizontalPlus << 1) | plusIn;
                horizontalMinus = (horizontalMinus << 1) | minusIn;
                plus[w] = horizontalMinus | ~(diagonalZero | horizontalPlus);
                minus[w] = horizontalPlus & diagonalZero;
            }

            // The last block's carries are the change of the bottom cell: the distance so far.
            distance += (int)plusCarry - (int)minusCarry;
        }

        return distance;
    }
}
