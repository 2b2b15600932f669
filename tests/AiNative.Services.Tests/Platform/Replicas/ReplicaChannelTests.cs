using AiNative.Services.Platform.Replicas;
using AiNative.Services.Platform.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AiNative.Services.Tests.Platform.Replicas;

/// <summary>The channel within one process, as on SQLite: no database involved.</summary>
public sealed class ReplicaChannelTests
{
    private readonly ReplicaChannel _channel = new(Options.Create(new StorageOptions()), NullLogger<ReplicaChannel>.Instance);

    [Fact]
    public void A_message_reaches_this_processes_subscribers_of_its_topic_before_publish_returns_even_past_a_failing_one()
    {
        var received = new List<string>();
        _channel.Subscribe("models.changed", _ => throw new InvalidOperationException("A broken subscriber."));
        _channel.Subscribe("models.changed", received.Add);
        _channel.Subscribe("jobs.queued", _ => received.Add("wrong topic"));

        _channel.Publish("models.changed", "team");

        Assert.Equal(["team"], received);
        Assert.False(_channel.ReachesOtherReplicas);
    }

    [Fact]
    public void A_message_that_would_not_fit_a_postgresql_notification_is_refused_on_sqlite_too()
    {
        var received = new List<string>();
        _channel.Subscribe("knowledge.documents", received.Add);

        Assert.Throws<ArgumentException>(() => _channel.Publish("knowledge.documents", new string('x', ReplicaChannel.MaxMessageBytes)));
        Assert.Throws<ArgumentException>(() => _channel.Publish("knowledge.documents", "a\0b"));
        Assert.Throws<ArgumentException>(() => _channel.Publish("two\nlines"));
        Assert.Empty(received);
    }
}
