using AiNative.Services.Knowledge.Search;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AiNative.Services.PostgreSql.Migrations
{
    /// <summary>PostgreSQL's keyword index, outside the EF model (see <see cref="PostgresKeywordIndexSql"/>).</summary>
    public partial class KeywordIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in PostgresKeywordIndexSql.Create)
            {
                migrationBuilder.Sql(statement);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in PostgresKeywordIndexSql.Drop)
            {
                migrationBuilder.Sql(statement);
            }
        }
    }
}
