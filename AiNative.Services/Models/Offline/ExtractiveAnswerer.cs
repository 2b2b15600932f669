using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace AiNative.Services.Models.Offline;

/// <summary>
/// Answers a question by quoting the sentences of the given context that share the most words
/// with it. The question is the last user message (or its "Question:" line); the context is
/// everything else in the conversation. A sentence quoted from a numbered source (a block headed
/// "[n] (document › heading)", as knowledge bases supply them) is cited with its number, and when
/// there are numbered sources only they are quoted: the text around them is instructions. A system
/// message's lines up to one that ends with a colon ("… using this context:") are instructions too.
/// Sentences run across hard line breaks (wrapped licences, PDFs) and end at their punctuation, a blank
/// line, or a Markdown heading or list item; a sentence found twice (overlapping chunks) is quoted once.
/// </summary>
internal static partial class ExtractiveAnswerer
{
    public const string NoMatchAnswer =
        "The offline responder answers only by quoting the context it is given, and no sentence of the context matches this question. " +
        "Add context (a knowledge base or text in the prompt), or register a language model.";

    private const int MaxSentences = 3;
    private const int MinSentenceWords = 3;

    public static string Answer(IReadOnlyList<ChatMessage> messages)
    {
        var (question, context) = Split(messages);
        var questionTerms = Terms(question);
        if (questionTerms.Count == 0)
        {
            return NoMatchAnswer;
        }

        var sentences = context.SelectMany(Sentences).ToList();
        if (sentences.Any(s => s.Source is not null))
        {
            sentences = [.. sentences.Where(s => s.Source is not null)];
        }

        var ranked = sentences
            .DistinctBy(s => Normalized(s.Text))
            .Select((sentence, index) => (sentence, index, score: Score(sentence.Text, questionTerms)))
            .Where(s => s.score > 0)
            .OrderByDescending(s => s.score)
            .ThenBy(s => s.index)
            .Take(MaxSentences)
            .OrderBy(s => s.index)
            .Select(s => Cited(s.sentence.Text, s.sentence.Source))
            .ToList();
        return ranked.Count == 0 ? NoMatchAnswer : string.Join(" ", ranked);
    }

    /// <summary>"… saved [1]." for a sentence of source 1; the sentence as it is outside the sources.</summary>
    private static string Cited(string sentence, int? source)
    {
        if (source is not { } number)
        {
            return sentence;
        }

        var marker = string.Create(CultureInfo.InvariantCulture, $" [{number}]");
        return sentence[^1] is '.' or '!' or '?' ? string.Concat(sentence.AsSpan(0, sentence.Length - 1), marker, sentence.AsSpan(sentence.Length - 1)) : sentence + marker;
    }

    /// <summary>The question, and the texts that may be quoted (each message's, without a system message's instructions).</summary>
    private static (string Question, List<string> Context) Split(IReadOnlyList<ChatMessage> messages)
    {
        var lastUser = messages.LastOrDefault(m => m.Role == ChatRole.User);
        var context = messages.Where(m => m != lastUser)
            .Select(m => m.Role == ChatRole.System ? WithoutInstructions(m.Text) : m.Text)
            .ToList();
        var text = lastUser?.Text ?? string.Empty;
        var marker = text.LastIndexOf("Question:", StringComparison.OrdinalIgnoreCase);
        if (marker >= 0)
        {
            context.Add(text[..marker]);
            return (text[(marker + "Question:".Length)..], context);
        }

        // Without a marker the last paragraph asks and the paragraphs before it inform.
        var paragraphs = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (paragraphs.Length > 1)
        {
            context.Add(string.Join("\n\n", paragraphs[..^1]));
            return (paragraphs[^1], context);
        }

        return (text, context);
    }

    /// <summary>
    /// A system message after its last line that introduces the context with a colon; the whole message when
    /// none does. Only lines before the first numbered source can introduce it: a source's own text may end a
    /// line with a colon ("A model belongs to a provider:"), and must not turn the sources before it into instructions.
    /// </summary>
    private static string WithoutInstructions(string system)
    {
        var lines = system.ReplaceLineEndings("\n").Split('\n');
        var firstSource = Array.FindIndex(lines, l => SourceHeader().IsMatch(l.Trim()));
        var instructions = firstSource < 0 ? lines.Length : firstSource;
        var leadIn = instructions == 0 ? -1 : Array.FindLastIndex(lines, instructions - 1, instructions, l => l.TrimEnd().EndsWith(':'));
        return leadIn < 0 ? system : string.Join('\n', lines[(leadIn + 1)..]);
    }

    /// <summary>The sentences of one message, each with the number of the source block it is in, if any.</summary>
    private static IEnumerable<(string Text, int? Source)> Sentences(string text)
    {
        int? source = null;
        var paragraph = new StringBuilder();
        foreach (var rawLine in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = rawLine.Trim();
            var header = SourceHeader().Match(line);
            var startsBlock = line.Length == 0 || header.Success || BlockStart().IsMatch(line);
            if (startsBlock)
            {
                foreach (var sentence in SentencesOf(paragraph.ToString()))
                {
                    yield return (sentence, source);
                }

                paragraph.Clear();
            }

            if (header.Success)
            {
                // The header names the source; it is not itself content to quote.
                source = int.Parse(header.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
                continue;
            }

            paragraph.Append(' ').Append(line.TrimStart('#', '-', '*', '>', ' '));
            if (line.StartsWith('#'))
            {
                // A heading is a unit of its own: the text under it starts a new sentence.
                foreach (var sentence in SentencesOf(paragraph.ToString()))
                {
                    yield return (sentence, source);
                }

                paragraph.Clear();
            }
        }

        foreach (var sentence in SentencesOf(paragraph.ToString()))
        {
            yield return (sentence, source);
        }
    }

    /// <summary>A paragraph's sentences: ended by '.', '!' or '?' before white space or the end.</summary>
    private static IEnumerable<string> SentencesOf(string paragraph)
    {
        var start = 0;
        for (var i = 0; i < paragraph.Length; i++)
        {
            if ((paragraph[i] is '.' or '!' or '?' && (i + 1 == paragraph.Length || char.IsWhiteSpace(paragraph[i + 1]))) || i + 1 == paragraph.Length)
            {
                var sentence = Collapse(paragraph[start..(i + 1)]);
                if (Terms(sentence).Count + StopWordCount(sentence) >= MinSentenceWords)
                {
                    yield return sentence;
                }

                start = i + 1;
            }
        }
    }

    private static string Collapse(string text) => string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string Normalized(string sentence) => sentence.TrimEnd('.', '!', '?').ToLowerInvariant();

    private static double Score(string sentence, HashSet<string> questionTerms)
    {
        var terms = Terms(sentence);
        var shared = terms.Count(questionTerms.Contains);
        return shared == 0 ? 0 : shared / Math.Sqrt(terms.Count);
    }

    private static HashSet<string> Terms(string text)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        Span<char> buffer = stackalloc char[64];
        var position = 0;
        while (HashedFeatures.NextWord(text, ref position, buffer, out var length))
        {
            var word = buffer[..length];
            if (!StopWords.Contains(word))
            {
                terms.Add(Stem(word));
            }
        }

        return terms;
    }

    private static int StopWordCount(string text)
    {
        Span<char> buffer = stackalloc char[64];
        var position = 0;
        var count = 0;
        while (HashedFeatures.NextWord(text, ref position, buffer, out var length))
        {
            count += StopWords.Contains(buffer[..length]) ? 1 : 0;
        }

        return count;
    }

    // Plural and simple verb endings only: enough for "documents" to meet "document".
    private static string Stem(ReadOnlySpan<char> word) =>
        word.Length > 4 && word.EndsWith("ies") ? string.Concat(word[..^3], "y")
        : word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss") ? word[..^1].ToString()
        : word.ToString();

    [GeneratedRegex(@"^\[(\d{1,4})\] \(.*\)$")]
    private static partial Regex SourceHeader();

    /// <summary>A Markdown heading, list item or quote: it starts a new sentence whatever came before.</summary>
    [GeneratedRegex(@"^(#{1,6}\s|[-*+>]\s|\d{1,3}[.)]\s)")]
    private static partial Regex BlockStart();
}
