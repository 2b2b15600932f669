using System.Data.Common;
using AiNative.Services.Data;
using AiNative.Services.Platform.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Services.Traces.Recording;

/// <summary>
/// The writer's open connection and its three statements, kept from batch to batch: a scope, a context, a connection
/// and statements made for each batch were a third of the writer's processor time. The writer ends a session after
/// any failure and opens a new one for the next attempt, so a broken connection is never used again.
/// </summary>
internal sealed class TraceWriteSession : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;
    private readonly PortalDbContext _db;
    private readonly List<DbCommand> _commands = [];

    private TraceWriteSession(AsyncServiceScope scope, PortalDbContext db)
    {
        _scope = scope;
        _db = db;
        Connection = db.Database.GetDbConnection();
        Gate = scope.ServiceProvider.GetRequiredService<WriteGate>();
    }

    public DbConnection Connection { get; }

    /// <summary>Entered for each batch: on SQLite this process's busiest writers take turns.</summary>
    public WriteGate Gate { get; }

    public Statement Traces { get; private set; }

    public Statement Observations { get; private set; }

    public Statement Scores { get; private set; }

    public static async Task<TraceWriteSession> OpenAsync(IServiceScopeFactory scopes)
    {
        var scope = scopes.CreateAsyncScope();
        TraceWriteSession? session = null;
        try
        {
            var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(CancellationToken.None);
            session = new TraceWriteSession(scope, db);
            await db.Database.OpenConnectionAsync(CancellationToken.None);
            session.Traces = session.Prepare(EntityTable.For(db, typeof(Trace), upsert: true));
            session.Observations = session.Prepare(EntityTable.For(db, typeof(Observation), upsert: false));
            session.Scores = session.Prepare(EntityTable.For(db, typeof(Score), upsert: false));
            return session;
        }
        catch
        {
            if (session is not null)
            {
                await session.DisposeAsync();
            }
            else
            {
                await scope.DisposeAsync();
            }

            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands)
        {
            await command.DisposeAsync();
        }

        await _db.DisposeAsync();
        await _scope.DisposeAsync();
    }

    private Statement Prepare(EntityTable table)
    {
        var command = table.CreateCommand(Connection);
        _commands.Add(command);
        return new Statement(table, command);
    }

    /// <summary>A table's statement on the session's connection.</summary>
    public readonly record struct Statement(EntityTable Table, DbCommand Command)
    {
        public Task WriteAsync(DbTransaction transaction, IEnumerable<object> rows) => Table.WriteAsync(Command, transaction, rows);
    }
}
