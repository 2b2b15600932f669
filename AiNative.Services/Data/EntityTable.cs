using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace AiNative.Services.Data;

/// <summary>
/// Writes rows of one entity with a single statement, built from the EF Core model: the model's column names, and its
/// type mappings for parameters (value converters included), so a row is stored exactly as EF Core would store it, on
/// SQLite and PostgreSQL alike. The trace writer and ingestion save thousands of rows a second this way, where change
/// tracking would spend most of its time on itself. An upsert (<c>ON CONFLICT ... DO UPDATE</c>, in both databases)
/// replaces a row with the same key: a running
/// trace's later state replaces it.
/// </summary>
internal sealed class EntityTable
{
    private readonly string _sql;
    private readonly (IProperty Property, RelationalTypeMapping Mapping, string Parameter)[] _columns;
    private readonly Func<object, object?>[] _values;

    private EntityTable(string sql, (IProperty, RelationalTypeMapping, string)[] columns)
    {
        _sql = sql;
        _columns = columns;
        _values = [.. columns.Select(c => ProviderValue(c.Item1, c.Item2))];
    }

    /// <param name="keyFromDatabase">The database numbers the rows (an identity key): the key is not written.</param>
    public static EntityTable For(DbContext db, Type entity, bool upsert, bool keyFromDatabase = false)
    {
        var type = db.Model.FindEntityType(entity) ?? throw new InvalidOperationException($"{entity.Name} is not in the model.");
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var columns = type.GetProperties()
            .Where(p => !(keyFromDatabase && p.IsPrimaryKey()))
            .Select((p, i) => (Property: p, Mapping: (RelationalTypeMapping)p.GetRelationalTypeMapping(), Parameter: sql.GenerateParameterName($"p{i}")))
            .ToArray();
        var names = columns.Select(c => sql.DelimitIdentifier(c.Property.GetColumnName(table)!)).ToArray();
        var text = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", names)}) " +
            $"VALUES ({string.Join(", ", columns.Select(c => c.Parameter))})";
        if (upsert)
        {
            var key = type.FindPrimaryKey()!.Properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!));
            var updates = names.Where(n => !key.Contains(n)).Select(n => $"{n} = excluded.{n}");
            text += $" ON CONFLICT ({string.Join(", ", key)}) DO UPDATE SET {string.Join(", ", updates)}";
        }

        return new EntityTable(text, columns);
    }

    /// <summary>
    /// The table's statement on <paramref name="connection"/>, its parameters typed by their mappings: kept for many
    /// batches, each row changes only the parameters' values (and the database keeps the statement prepared).
    /// </summary>
    public DbCommand CreateCommand(DbConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = _sql;
        foreach (var (property, mapping, parameter) in _columns)
        {
            command.Parameters.Add(mapping.CreateParameter(command, parameter, null, property.IsNullable));
        }

        return command;
    }

    /// <summary>Writes <paramref name="rows"/> with <paramref name="command"/> (from <see cref="CreateCommand"/>) inside <paramref name="transaction"/>.</summary>
    public async Task WriteAsync(DbCommand command, DbTransaction transaction, IEnumerable<object> rows)
    {
        command.Transaction = transaction;
        foreach (var row in rows)
        {
            for (var i = 0; i < _values.Length; i++)
            {
                command.Parameters[i].Value = _values[i](row) ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>A column's value of a row as the database stores it: the property's value through the mapping's converter.</summary>
    private static Func<object, object?> ProviderValue(IProperty property, RelationalTypeMapping mapping)
    {
        var getter = property.GetGetter();
        return mapping.Converter is { } converter
            ? row => converter.ConvertToProvider(getter.GetClrValueUsingContainingEntity(row))
            : getter.GetClrValueUsingContainingEntity;
    }
}
