using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Data;

/// <summary>Which constraint a failed save broke, on SQLite and on PostgreSQL.</summary>
public static class DbUpdateExceptionExtensions
{
    // SQLite's extended result codes (SQLITE_CONSTRAINT = 19 with its detail) and PostgreSQL's SQLSTATEs.
    private const int SqliteUnique = 2067;
    private const int SqlitePrimaryKey = 1555;
    private const int SqliteForeignKey = 787;

    // An ON DELETE RESTRICT action fails as SQLITE_CONSTRAINT_TRIGGER rather than _FOREIGNKEY.
    private const int SqliteForeignKeyRestrict = 1811;
    private const string PostgresUnique = "23505";
    private const string PostgresForeignKey = "23503";

    public static bool IsUniqueViolation(this DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is SqliteUnique or SqlitePrimaryKey,
        DbException other => other.SqlState == PostgresUnique,
        _ => false,
    };

    /// <summary>A row still refers to the one being deleted (a restricted foreign key).</summary>
    public static bool IsForeignKeyViolation(this DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is SqliteForeignKey or SqliteForeignKeyRestrict,
        DbException other => other.SqlState == PostgresForeignKey,
        _ => false,
    };
}
