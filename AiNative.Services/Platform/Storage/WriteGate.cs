using Microsoft.Extensions.Options;

namespace AiNative.Services.Platform.Storage;

/// <summary>
/// Lets this process's busiest writers (the trace writer, the experiment runner) into SQLite one at a time. SQLite takes
/// one writer anyway, and Microsoft.Data.Sqlite answers a locked database by sleeping 150 ms before it tries again;
/// waiting here instead, the next writer starts as soon as the last one committed. On PostgreSQL (row locks, many
/// writers) everyone goes through.
/// </summary>
public sealed class WriteGate(IOptions<StorageOptions> storage) : IDisposable
{
    private readonly SemaphoreSlim? _gate = storage.Value.Provider == DatabaseProvider.Sqlite ? new(1, 1) : null;

    public async ValueTask<Pass> EnterAsync(CancellationToken cancellationToken)
    {
        if (_gate is not null)
        {
            await _gate.WaitAsync(cancellationToken);
        }

        return new Pass(_gate);
    }

    public void Dispose() => _gate?.Dispose();

    /// <summary>Held while writing; disposing it lets the next writer in.</summary>
    public readonly struct Pass(SemaphoreSlim? gate) : IDisposable
    {
        public void Dispose() => gate?.Release();
    }
}
