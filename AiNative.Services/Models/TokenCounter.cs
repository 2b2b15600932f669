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
    /// tokens of each side, counting only the text between the last piece start of the left side and the first of the
    /// right. o200k's pre-tokenizer cuts text into pieces and encodes each on its own, so every piece away from the join
    /// is the same in the joined text as in its side. A side with no piece start (text without spaces) is counted whole.
    /// </summary>
    public int CountJoined(string left, int leftTokens, string separator, string right, int rightTokens)
    {
        var tailStart = LastPieceStart(left);
        var headEnd = FirstPieceStart(right);
        var leftTail = left.AsSpan(tailStart);
        var rightHead = right.AsSpan(0, headEnd);
        var joined = _tokenizer.CountTokens(string.Concat(leftTail, separator, rightHead));
        var tailTokens = tailStart == 0 ? leftTokens : _tokenizer.CountTokens(leftTail);
        var headTokens = headEnd == right.Length ? rightTokens : _tokenizer.CountTokens(rightHead);
        return leftTokens - tailTokens + joined - headTokens + rightTokens;
    }

    /// <summary>The last position of <paramref name="text"/> that surely starts a piece; 0 when none does.</summary>
    private static int LastPieceStart(string text)
    {
        for (var i = text.Length - 1; i > 0; i--)
        {
            if (StartsPiece(text, i))
            {
                return i;
            }
        }

        return 0;
    }

    /// <summary>The first position after the start of <paramref name="text"/> that surely starts a piece; its length when none does.</summary>
    private static int FirstPieceStart(string text)
    {
        for (var i = 1; i < text.Length; i++)
        {
            if (StartsPiece(text, i))
            {
                return i;
            }
        }

        return text.Length;
    }

    /// <summary>
    /// No pattern of the pre-tokenizer runs into position <paramref name="i"/> from before it: a space after a non-space
    /// (a space is only ever a piece's first character, and a run of white space would need the one before) and a
    /// letter after a line break (no pattern takes both). Special tokens, cut out first, hold neither.
    /// </summary>
    private static bool StartsPiece(string text, int i) =>
        (text[i] == ' ' && !char.IsWhiteSpace(text[i - 1])) || (text[i - 1] is '\n' or '\r' && char.IsLetter(text[i]));

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
