using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AiNative.Services.PostgreSql.Migrations
{
    /// <summary>
    /// Documents get the id callers name them by, unique in their base (Kernel Memory's index) instead of the
    /// row key, so that a caller's id never collides with, or tells about, another team's document.
    /// </summary>
    public partial class DocumentPublicIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "PublicId",
                table: "KnowledgeDocuments",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            // Documents written before keep the id callers know them by.
            migrationBuilder.Sql("""UPDATE "KnowledgeDocuments" SET "PublicId" = "Id";""");

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgeDocuments_KnowledgeBaseId_PublicId",
                table: "KnowledgeDocuments",
                columns: new[] { "KnowledgeBaseId", "PublicId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_KnowledgeDocuments_KnowledgeBaseId_PublicId",
                table: "KnowledgeDocuments");

            migrationBuilder.DropColumn(
                name: "PublicId",
                table: "KnowledgeDocuments");
        }
    }
}
