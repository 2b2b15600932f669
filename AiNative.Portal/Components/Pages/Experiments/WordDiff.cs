using DiffPlex;
using DiffPlex.Chunkers;

namespace AiNative.Portal.Components.Pages.Experiments;

/// <summary>How a stretch of an output differs from the baseline's output.</summary>
public enum DiffKind
{
    Same,
    Added,
    Removed,
}

/// <summary>A stretch of text, the same, added or removed.</summary>
public sealed record DiffSegment(DiffKind Kind, string Text);

/// <summary>
/// A word-level diff of an output against the baseline's, as plain-text segments: the texts are untrusted and are only
/// ever rendered as text. Adjacent pieces of a kind are joined, so a changed phrase reads as one change.
/// </summary>
public static class WordDiff
{
    public static IReadOnlyList<DiffSegment> Of(string baseline, string output)
    {
        var diff = Differ.Instance.CreateDiffs(baseline, output, ignoreWhiteSpace: false, ignoreCase: false, new WordChunker());
        var segments = new List<DiffSegment>();
        var old = 0;
        foreach (var block in diff.DiffBlocks)
        {
            Add(segments, DiffKind.Same, diff.PiecesOld.Skip(old).Take(block.DeleteStartA - old));
            Add(segments, DiffKind.Removed, diff.PiecesOld.Skip(block.DeleteStartA).Take(block.DeleteCountA));
            Add(segments, DiffKind.Added, diff.PiecesNew.Skip(block.InsertStartB).Take(block.InsertCountB));
            old = block.DeleteStartA + block.DeleteCountA;
        }

        Add(segments, DiffKind.Same, diff.PiecesOld.Skip(old));
        return segments;
    }

    private static void Add(List<DiffSegment> segments, DiffKind kind, IEnumerable<string> pieces)
    {
        var text = string.Concat(pieces);
        if (text.Length == 0)
        {
            return;
        }

        if (segments.Count > 0 && segments[^1].Kind == kind)
        {
            segments[^1] = segments[^1] with { Text = segments[^1].Text + text };
        }
        else
        {
            segments.Add(new DiffSegment(kind, text));
        }
    }
}
