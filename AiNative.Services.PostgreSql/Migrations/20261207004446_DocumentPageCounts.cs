using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AiNative.Services.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class DocumentPageCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PageCount",
                table: "KnowledgeDocuments",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PageCount",
                table: "KnowledgeDocuments");
        }
    }
}
