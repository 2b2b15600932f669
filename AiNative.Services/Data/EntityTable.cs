using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace AiNative.Services.Data;

/// <summary>
/// Writes rows of one entity with a single prepared statement per batch, built from the EF Core model:
/// the model's column names, and its type mappings for parameters (value converters included), so a
/// row is stored exactly as EF Core would store it, on SQLite and PostgreSQL alike. The trace writer and ingestion
/// save thousands of rows a second this way, where change tracking would spend most of its time on itself.
/// An upsert (<c>ON CONFLICT ... DO UPDATE</c>, in both databases) replaces a row with the same key: a running
/// trace's later state replaces it.
/// </summary>
internal sealed class EntityTable
{
    private readonly string _sql;
    private readonly (IProperty Property, RelationalTypeMapping Mapping)[] _columns;
    private readonly string[] _parameterNames;

    private EntityTable(string sql, (IProperty, RelationalTypeMapping)[] columns, string[] parameterNames)
    {
        _sql = sql;
        _columns = columns;
        _parameterNames = parameterNames;
    }

    /// <param name="keyFromDatabase">The database numbers the rows (an identity key): the key is not written.</param>
    public static EntityTable For(DbContext db, Type entity, bool upsert, bool keyFromDatabase = false)
    {
        var type = db.Model.FindEntityType(entity) ?? throw new InvalidOperationException($"{entity.Name} is not in the model.");
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var columns = type.GetProperties()
            .Where(p => !(keyFromDatabase && p.IsPrimaryKey()))
            .Select(p => (Property: p, Mapping: (RelationalTypeMapping)p.GetRelationalTypeMapping()))
            .ToArray();
        var names = columns.Select(c => sql.DelimitIdentifier(c.Property.GetColumnName(table)!)).ToArray();
        var parameters = columns.Select((_, i) => sql.GenerateParameterName($"p{i}")).ToArray();
        var text = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", names)}) " +
            $"VALUES ({string.Join(", ", parameters)})";
        if (upsert)
        {
            var key = type.FindPrimaryKey()!.Properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!));
            var updates = names.Where(n => !key.Contains(n)).Select(n => $"{n} = excluded.{n}");
            text += $" ON CONFLICT ({string.Join(", ", key)}) DO UPDATE SET {string.Join(", ", updates)}";
        }

        return new EntityTable(text, columns, parameters);
    }

    /// <summary>Writes <paramref name="rows"/> inside the connection's current transaction.</summary>
    public async Task WriteAsync(DbConnection connection, DbTransaction transaction, IEnumerable<object> rows)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = _sql;
        foreach (var row in rows)
        {
            for (var i = 0; i < _columns.Length; i++)
            {
                var (property, mapping) = _columns[i];
                var value = property.GetGetter().GetClrValueUsingContainingEntity(row);
                if (command.Parameters.Count < _columns.Length)
                {
                    command.Parameters.Add(mapping.CreateParameter(command, _parameterNames[i], value, property.IsNullable));
                }
                else
                {
                    // The parameters of the first row are kept, typed by their mappings; the next rows change only their values.
                    command.Parameters[i].Value = (mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;
                }
            }

            await command.ExecuteNonQueryAsync();
        }
    }
}
