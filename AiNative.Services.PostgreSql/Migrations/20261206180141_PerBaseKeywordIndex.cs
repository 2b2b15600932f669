using AiNative.Services.Knowledge.Search;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AiNative.Services.PostgreSql.Migrations
{
    /// <summary>The keyword index's GIN index leads with the base and the document (see <see cref="PostgresKeywordIndexSql.CreatePerBase"/>); building it indexes the existing rows.</summary>
    public partial class PerBaseKeywordIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in PostgresKeywordIndexSql.CreatePerBase)
            {
                migrationBuilder.Sql(statement);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in PostgresKeywordIndexSql.DropPerBase)
            {
                migrationBuilder.Sql(statement);
            }
        }
    }
}
