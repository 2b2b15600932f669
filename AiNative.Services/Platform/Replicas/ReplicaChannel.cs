using System.Text;
using System.Threading.Channels;
using AiNative.Services.Platform.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiNative.Services.Platform.Replicas;

/// <summary>
/// Small messages between the replicas of one portal, for what each keeps in memory of the database:
/// a cache to empty, a vector segment to bring up to date, idle workers to wake, pages to tell.
/// <see cref="Publish"/> delivers to this process's subscribers at once and, on PostgreSQL, to every
/// other replica through <c>NOTIFY</c> (<see cref="ReplicaNotifier"/>, <see cref="ReplicaListener"/>),
/// usually within milliseconds. On SQLite there is one process and nothing leaves it.
/// </summary>
/// <remarks>
/// Delivery to other replicas is at most once: a replica that was not listening misses messages, and
/// then every subscriber's <c>missed</c> callback runs, so handlers treat what they hold as stale.
/// Handlers run on the publisher's thread or the listener's, must be quick and must not throw; a
/// message may arrive more than once in effect (as a message and as "missed"), so they are idempotent.
/// Anyone who may connect to the database may listen: payloads are ids, never secrets or content.
/// </remarks>
public sealed partial class ReplicaChannel
{
    /// <summary>PostgreSQL refuses a notification payload of 8000 bytes or more.</summary>
    public const int MaxMessageBytes = 7999;

    /// <summary>Messages waiting for the notifier; beyond this (the database unreachable for long) the oldest go.</summary>
    private const int OutgoingCapacity = 10_000;

    private readonly Channel<string> _outgoing;
    private readonly Lock _subscribing = new();
    private readonly ILogger _logger;
    private Subscription[] _subscriptions = [];

    public ReplicaChannel(IOptions<StorageOptions> storage, ILogger<ReplicaChannel> logger)
    {
        _logger = logger;
        ReachesOtherReplicas = storage.Value.Provider == DatabaseProvider.PostgreSQL;
        _outgoing = Channel.CreateBounded<string>(
            new BoundedChannelOptions(OutgoingCapacity) { FullMode = BoundedChannelFullMode.DropOldest },
            _ => LogDropped(OutgoingCapacity));
    }

    /// <summary>Whether messages leave this process: on PostgreSQL several replicas may share the database.</summary>
    public bool ReachesOtherReplicas { get; }

    /// <summary>This process's id in the messages it sends.</summary>
    internal string Origin { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Encoded messages for <see cref="ReplicaNotifier"/> to send.</summary>
    internal ChannelReader<string> Outgoing => _outgoing.Reader;

    /// <summary>
    /// Calls <paramref name="received"/> with the payload of every message of <paramref name="topic"/>, this
    /// process's included, and <paramref name="missed"/> when messages may have been lost.
    /// </summary>
    public void Subscribe(string topic, Action<string> received, Action? missed = null)
    {
        lock (_subscribing)
        {
            _subscriptions = [.. _subscriptions, new Subscription(topic, received, missed)];
        }
    }

    /// <summary>Tells every replica's subscribers of <paramref name="topic"/>; this process's before it returns.</summary>
    public void Publish(string topic, string payload = "")
    {
        if (!ReplicaMessage.IsValidTopic(topic))
        {
            throw new ArgumentException("A topic is one line of text.", nameof(topic));
        }

        if (payload.Contains('\0'))
        {
            throw new ArgumentException("PostgreSQL text cannot hold a NUL character.", nameof(payload));
        }

        var encoded = new ReplicaMessage(Origin, topic, payload).Encode();
        if (Encoding.UTF8.GetByteCount(encoded) > MaxMessageBytes)
        {
            throw new ArgumentException($"A message to other replicas must stay under {MaxMessageBytes + 1} bytes: send ids, not content.", nameof(payload));
        }

        Deliver(topic, payload);
        if (ReachesOtherReplicas)
        {
            _outgoing.Writer.TryWrite(encoded);
        }
    }

    /// <summary>A notification from the database: delivered here unless this process sent it (and so delivered it already).</summary>
    internal void Receive(string notification)
    {
        if (!ReplicaMessage.TryDecode(notification, out var message))
        {
            LogMalformed(notification.Length);
            return;
        }

        if (message.Origin != Origin)
        {
            Deliver(message.Topic, message.Payload);
        }
    }

    /// <summary>Messages may have been lost (the listener was not listening): every subscriber treats what it holds as stale.</summary>
    internal void MarkAllStale()
    {
        foreach (var subscription in Volatile.Read(ref _subscriptions))
        {
            if (subscription.Missed is { } missed)
            {
                Run(subscription.Topic, missed);
            }
        }
    }

    private void Deliver(string topic, string payload)
    {
        foreach (var subscription in Volatile.Read(ref _subscriptions))
        {
            if (subscription.Topic == topic)
            {
                Run(topic, () => subscription.Received(payload));
            }
        }
    }

    private void Run(string topic, Action handler)
    {
        try
        {
            handler();
        }
        catch (Exception e)
        {
            // One failing handler must neither fail the change that published nor stop the listener.
            LogHandlerFailed(e, topic);
        }
    }

    private sealed record Subscription(string Topic, Action<string> Received, Action? Missed);

    [LoggerMessage(Level = LogLevel.Error, Message = "A handler of replica messages of topic {Topic} failed")]
    private partial void LogHandlerFailed(Exception exception, string topic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A notification of {Length} characters on the replicas' channel is not a portal message; it is ignored")]
    private partial void LogMalformed(int length);

    [LoggerMessage(Level = LogLevel.Warning, Message = "More than {Capacity} messages wait to reach other replicas; the oldest was dropped")]
    private partial void LogDropped(int capacity);
}
