using System.Numerics.Tensors;

namespace AiNative.Services.Models.Offline;

/// <summary>
/// Feature hashing of text into a fixed-length vector: word unigrams, word bigrams and character
/// trigrams of each word, each hashed (FNV-1a) to a signed bucket. Deterministic across processes.
/// </summary>
internal static class HashedFeatures
{
    private const float UnigramWeight = 1.0f;
    private const float BigramWeight = 0.5f;
    private const float TrigramWeight = 0.25f;
    private const uint UnigramSeed = 2166136261;
    private const uint BigramSeed = 0x9E3779B9;
    private const uint TrigramSeed = 0x85EBCA6B;

    public static void Embed(ReadOnlySpan<char> text, Span<float> vector)
    {
        vector.Clear();
        Span<char> word = stackalloc char[64];
        uint previousWordHash = 0;
        var hasPrevious = false;
        var position = 0;
        while (NextWord(text, ref position, word, out var length))
        {
            var current = word[..length];
            if (StopWords.Contains(current))
            {
                continue;
            }

            var hash = Hash(current, UnigramSeed);
            Add(vector, hash, UnigramWeight);
            if (hasPrevious)
            {
                Add(vector, Mix(previousWordHash, hash ^ BigramSeed), BigramWeight);
            }

            AddTrigrams(vector, current);
            previousWordHash = hash;
            hasPrevious = true;
        }

        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }
    }

    /// <summary>Lower-cased words of letters and digits; longer words are cut at the buffer's length.</summary>
    public static bool NextWord(ReadOnlySpan<char> text, ref int position, Span<char> buffer, out int length)
    {
        length = 0;
        while (position < text.Length && !char.IsLetterOrDigit(text[position]))
        {
            position++;
        }

        while (position < text.Length && char.IsLetterOrDigit(text[position]))
        {
            if (length < buffer.Length)
            {
                buffer[length++] = char.ToLowerInvariant(text[position]);
            }

            position++;
        }

        return length > 0;
    }

    private static void AddTrigrams(Span<float> vector, ReadOnlySpan<char> word)
    {
        // Pad with boundaries so that prefixes and suffixes ("embed", "-ings") get their own grams.
        Span<char> padded = stackalloc char[word.Length + 2];
        padded[0] = '^';
        word.CopyTo(padded[1..]);
        padded[^1] = '$';
        for (var i = 0; i + 3 <= padded.Length; i++)
        {
            Add(vector, Hash(padded.Slice(i, 3), TrigramSeed), TrigramWeight);
        }
    }

    private static void Add(Span<float> vector, uint hash, float weight)
    {
        var index = (int)(hash % (uint)vector.Length);
        vector[index] += (hash & 0x8000_0000) == 0 ? weight : -weight;
    }

    private static uint Hash(ReadOnlySpan<char> value, uint seed)
    {
        var hash = seed;
        foreach (var c in value)
        {
            hash = (hash ^ c) * 16777619;
        }

        return Mix(hash, 0);
    }

    // A finaliser (from MurmurHash3) spreads FNV's weak high bits, which pick the sign.
    private static uint Mix(uint a, uint b)
    {
        var h = a ^ (b * 0xCC9E2D51);
        h ^= h >> 16;
        h *= 0x85EBCA6B;
        h ^= h >> 13;
        h *= 0xC2B2AE35;
        h ^= h >> 16;
        return h;
    }
}
