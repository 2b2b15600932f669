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
