using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.ML.Tokenizers;

namespace AiNative.Services.Models;

/// <summary>
/// Counts tokens with the o200k_base encoding (GPT-4o family). For other model families the
/// count is an estimate, and the portal marks it as one.
/// </summary>
public sealed class TokenCounter
{
    // OpenAI's documented framing: each message costs its content plus about three tokens, and
    // the reply is primed with three more.
    private const int TokensPerMessage = 3;
    private const int TokensPerReply = 3;

    private readonly Tokenizer _tokenizer = TiktokenTokenizer.CreateForModel("gpt-4o");

    public Tokenizer Tokenizer => _tokenizer;

    public int Count(string text) => string.IsNullOrEmpty(text) ? 0 : _tokenizer.CountTokens(text);

    public int Count(IEnumerable<ChatMessage> messages) =>
        messages.Sum(m => TokensPerMessage + Count(m.Text)) + TokensPerReply;

    /// <summary>
    /// The tokens of <paramref name="left"/>, <paramref name="separator"/> and <paramref name="right"/> joined, given the
    /// tokens of each side, counting only the words next to the join. o200k's pre-tokenizer cuts text into pieces and
    /// encodes each on its own, and a space between a non-space and a letter always starts a piece (no pattern runs
    /// across it), so every piece away from the join is the same in the joined text as in its side.
    /// </summary>
    public int CountJoined(string left, int leftTokens, string separator, string right, int rightTokens)
    {
        var leftTail = left.AsSpan(Math.Max(0, LastPieceStart(left)));
        var rightHead = right.AsSpan(0, FirstPieceStart(right) is var start and > 0 ? start : right.Length);
        var join = _tokenizer.CountTokens(string.Concat(leftTail, separator, rightHead));
        return leftTokens - _tokenizer.CountTokens(leftTail) + join - _tokenizer.CountTokens(rightHead) + rightTokens;
    }

    private static int LastPieceStart(string text)
    {
        for (var i = text.Length - 2; i > 0; i--)
        {
            if (StartsPiece(text, i))
            {
                return i;
            }
        }

        return -1;
    }

    private static int FirstPieceStart(string text)
    {
        for (var i = 1; i < text.Length - 1; i++)
        {
            if (StartsPiece(text, i))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool StartsPiece(string text, int i) => text[i] == ' ' && !char.IsWhiteSpace(text[i - 1]) && char.IsLetter(text[i + 1]);

    /// <summary>
    /// At least as many tokens as <see cref="Count(IEnumerable{ChatMessage})"/>, far cheaper: a byte-level BPE token
    /// covers at least one UTF-8 byte. A prompt within a limit by this bound needs no counting.
    /// </summary>
    public static long UpperBound(IEnumerable<ChatMessage> messages) =>
        messages.Sum(m => TokensPerMessage + (long)Encoding.UTF8.GetByteCount(m.Text)) + TokensPerReply;

    /// <summary>The longest prefix of <paramref name="text"/> within <paramref name="maxTokens"/> tokens.</summary>
    public string Truncate(string text, int maxTokens)
    {
        var index = _tokenizer.GetIndexByTokenCount(text, maxTokens, out _, out _);
        return text[..index];
    }
}
