using System.Diagnostics.CodeAnalysis;

namespace AiNative.Services.Platform.Replicas;

/// <summary>
/// One message as it travels between replicas: the process that sent it, its topic and its payload,
/// one line each (a payload may hold more lines). The sender's id lets a replica skip its own
/// messages, which it delivered to itself when it published them.
/// </summary>
internal sealed record ReplicaMessage(string Origin, string Topic, string Payload)
{
    private const char Separator = '\n';

    public string Encode() => $"{Origin}{Separator}{Topic}{Separator}{Payload}";

    public static bool IsValidTopic(string topic) => topic.Length > 0 && !topic.Contains(Separator);

    public static bool TryDecode(string text, [NotNullWhen(true)] out ReplicaMessage? message)
    {
        var originEnd = text.IndexOf(Separator);
        var topicEnd = originEnd < 0 ? -1 : text.IndexOf(Separator, originEnd + 1);
        if (topicEnd < 0)
        {
            message = null;
            return false;
        }

        message = new ReplicaMessage(text[..originEnd], text[(originEnd + 1)..topicEnd], text[(topicEnd + 1)..]);
        return true;
    }
}
