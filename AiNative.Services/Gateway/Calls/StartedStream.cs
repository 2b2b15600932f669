using System.Text;
using AiNative.Services.Models.Invocation;

namespace AiNative.Services.Gateway.Calls;

/// <summary>A model's stream once it has answered: the updates read so far, and the rest still to read (null when all was read).</summary>
internal sealed record StartedStream(IReadOnlyList<InvocationUpdate> First, IAsyncEnumerator<InvocationUpdate>? Rest)
{
    /// <summary>The text read so far, for a guard that checks a buffered answer.</summary>
    public string Text => First.OfType<TextDelta>().Aggregate(new StringBuilder(), (text, delta) => text.Append(delta.Text)).ToString();
}
