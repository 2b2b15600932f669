using AiNative.Services.Knowledge.Search;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AiNative.Services.Data.Migrations
{
    /// <summary>
    /// Retires SQLite's shared keyword table for a table per base and generation (<see cref="SqliteKeywordTables"/>).
    /// Their names come from the rows, which SQL alone cannot loop over: <see cref="SqliteKeywordIndexBuilder"/>
    /// fills them from the chunks at start-up, right after this migration.
    /// </summary>
    public partial class PerBaseKeywordIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            SharedKeywordIndexSql.Apply(migrationBuilder, SharedKeywordIndexSql.Drop);
        }

        /// <summary>The shared table again, filled from every chunk; the per-base tables are left for the SQLite file's owner to drop.</summary>
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            SharedKeywordIndexSql.Apply(migrationBuilder, SharedKeywordIndexSql.Create);
            SharedKeywordIndexSql.Apply(migrationBuilder, SharedKeywordIndexSql.Rebuild);
        }
    }
}
