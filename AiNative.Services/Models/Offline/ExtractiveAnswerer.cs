using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace AiNative.Services.Models.Offline;

/// <summary>
/// Answers a question by quoting the sentences of the given context that share the most words
/// with it. The question is the last user message (or its "Question:" line); the context is
/// everything else in the conversation. A sentence quoted from a numbered source (a block headed
/// "[n] (document › heading)", as knowledge bases supply them) is cited with its number.
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

        var ranked = Sentences(context)
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

    private static (string Question, string Context) Split(IReadOnlyList<ChatMessage> messages)
    {
        var lastUser = messages.LastOrDefault(m => m.Role == ChatRole.User);
        var context = new StringBuilder();
        foreach (var message in messages.Where(m => m != lastUser))
        {
            context.AppendLine(message.Text);
        }

        var text = lastUser?.Text ?? string.Empty;
        var marker = text.LastIndexOf("Question:", StringComparison.OrdinalIgnoreCase);
        if (marker >= 0)
        {
            context.AppendLine(text[..marker]);
            return (text[(marker + "Question:".Length)..], context.ToString());
        }

        // Without a marker the last paragraph asks and the paragraphs before it inform.
        var paragraphs = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (paragraphs.Length > 1)
        {
            context.AppendJoin("\n\n", paragraphs[..^1]);
            return (paragraphs[^1], context.ToString());
        }

        return (text, context.ToString());
    }

    /// <summary>The sentences of the context, each with the number of the source block it is in, if any.</summary>
    private static IEnumerable<(string Text, int? Source)> Sentences(string context)
    {
        int? source = null;
        var start = 0;
        for (var i = 0; i < context.Length; i++)
        {
            var c = context[i];
            var ends = c is '\n' || (c is '.' or '!' or '?' && (i + 1 == context.Length || char.IsWhiteSpace(context[i + 1])));
            if (ends || i + 1 == context.Length)
            {
                var sentence = context[start..(i + 1)].Trim().TrimStart('#', '-', '*', '>', ' ');
                if (SourceHeader().Match(sentence) is { Success: true } header)
                {
                    // The header names the source; it is not itself content to quote.
                    source = int.Parse(header.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
                }
                else if (Terms(sentence).Count + StopWordCount(sentence) >= MinSentenceWords)
                {
                    yield return (sentence, source);
                }

                start = i + 1;
            }
        }
    }

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
}
