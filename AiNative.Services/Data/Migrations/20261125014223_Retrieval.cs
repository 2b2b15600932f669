using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AiNative.Services.Data.Migrations
{
    /// <inheritdoc />
    public partial class Retrieval : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Hits",
                table: "RunSpans",
                type: "TEXT",
                nullable: false,
                // Edited by hand: spans saved before this migration have no hits, an empty JSON list
                // (EF generates "{}", which does not read as a list).
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Retrieval_ContextVariable",
                table: "PromptVersions",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "Retrieval_KnowledgeBaseId",
                table: "PromptVersions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Retrieval_KnowledgeBaseName",
                table: "PromptVersions",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Retrieval_MinRelevance",
                table: "PromptVersions",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Retrieval_Mode",
                table: "PromptVersions",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Retrieval_QueryVariable",
                table: "PromptVersions",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Retrieval_TopK",
                table: "PromptVersions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Retrieval_ContextVariable",
                table: "PromptRuns",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "Retrieval_KnowledgeBaseId",
                table: "PromptRuns",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Retrieval_KnowledgeBaseName",
                table: "PromptRuns",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Retrieval_MinRelevance",
                table: "PromptRuns",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Retrieval_Mode",
                table: "PromptRuns",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Retrieval_QueryVariable",
                table: "PromptRuns",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Retrieval_TopK",
                table: "PromptRuns",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Hits",
                table: "RunSpans");

            migrationBuilder.DropColumn(
                name: "Retrieval_ContextVariable",
                table: "PromptVersions");

            migrationBuilder.DropColumn(
                name: "Retrieval_KnowledgeBaseId",
                table: "PromptVersions");

            migrationBuilder.DropColumn(
                name: "Retrieval_KnowledgeBaseName",
                table: "PromptVersions");

            migrationBuilder.DropColumn(
                name: "Retrieval_MinRelevance",
                table: "PromptVersions");

            migrationBuilder.DropColumn(
                name: "Retrieval_Mode",
                table: "PromptVersions");

            migrationBuilder.DropColumn(
                name: "Retrieval_QueryVariable",
                table: "PromptVersions");

            migrationBuilder.DropColumn(
                name: "Retrieval_TopK",
                table: "PromptVersions");

            migrationBuilder.DropColumn(
                name: "Retrieval_ContextVariable",
                table: "PromptRuns");

            migrationBuilder.DropColumn(
                name: "Retrieval_KnowledgeBaseId",
                table: "PromptRuns");

            migrationBuilder.DropColumn(
                name: "Retrieval_KnowledgeBaseName",
                table: "PromptRuns");

            migrationBuilder.DropColumn(
                name: "Retrieval_MinRelevance",
                table: "PromptRuns");

            migrationBuilder.DropColumn(
                name: "Retrieval_Mode",
                table: "PromptRuns");

            migrationBuilder.DropColumn(
                name: "Retrieval_QueryVariable",
                table: "PromptRuns");

            migrationBuilder.DropColumn(
                name: "Retrieval_TopK",
                table: "PromptRuns");
        }
    }
}
