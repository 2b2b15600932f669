using System.Collections.Concurrent;
using AiNative.Services.Platform.Replicas;
using AiNative.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Services.Tests.Platform.Replicas;

/// <summary>The listener on its own PostgreSQL connection: what it delivers, and how it comes back when the connection is killed.</summary>
public sealed class ReplicaListenerTests
{
    private const string Topic = "tests.listener";

    [Fact]
    public async Task A_listener_delivers_other_processes_messages_and_skips_its_own()
    {
        await using var replicas = await TwoReplicas.StartAsync();
        var channel = replicas.B.Services.GetRequiredService<ReplicaChannel>();
        var received = new ConcurrentQueue<string>();
        channel.Subscribe(Topic, received.Enqueue);

        await NotifyAsync(replicas, new ReplicaMessage(channel.Origin, Topic, "own"));
        await NotifyAsync(replicas, new ReplicaMessage("another process", Topic, "other"));
        replicas.A.Services.GetRequiredService<ReplicaChannel>().Publish(Topic, "from A");

        await Poll.TrueAsync("messages of others delivered", () => Task.FromResult(received.Count == 2));
        Assert.Equal(["other", "from A"], received);
    }

    [Fact]
    public async Task A_listener_whose_connection_is_terminated_listens_again_and_says_messages_may_have_been_missed()
    {
        await using var replicas = await TwoReplicas.StartAsync();
        var channel = replicas.B.Services.GetRequiredService<ReplicaChannel>();
        var received = new ConcurrentQueue<string>();
        var missed = 0;
        channel.Subscribe(Topic, received.Enqueue, () => Interlocked.Increment(ref missed));
        var before = await replicas.ListenersAsync();
        Assert.Equal(2, before.Count);

        await replicas.TerminateListenersAsync();

        await Poll.TrueAsync("both listeners connected again", async () =>
            (await replicas.ListenersAsync()) is { Count: 2 } after && !after.Intersect(before).Any() && Volatile.Read(ref missed) > 0);
        replicas.A.Services.GetRequiredService<ReplicaChannel>().Publish(Topic, "after the reconnection");
        await Poll.TrueAsync("a message on the new connection", () => Task.FromResult(received.Contains("after the reconnection")));
    }

    private static Task NotifyAsync(TwoReplicas replicas, ReplicaMessage message) =>
        replicas.QueryAsync("SELECT pg_notify($1, $2)", ReplicaListener.PostgresChannel, message.Encode());
}
