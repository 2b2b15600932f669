using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AiNative.Services.Data.Migrations
{
    /// <inheritdoc />
    public partial class Accounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PersonalAccessTokens",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SecretHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DisplayPrefix = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastUsedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonalAccessTokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PersonalAccessTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PromptVersions_TeamId",
                table: "PromptVersions",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_PromptLabels_TeamId",
                table: "PromptLabels",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonalAccessTokens_SecretHash",
                table: "PersonalAccessTokens",
                column: "SecretHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PersonalAccessTokens_UserId",
                table: "PersonalAccessTokens",
                column: "UserId");

            migrationBuilder.AddForeignKey(
                name: "FK_ModelCalls_Teams_TeamId",
                table: "ModelCalls",
                column: "TeamId",
                principalTable: "Teams",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_ModelProviders_Teams_TeamId",
                table: "ModelProviders",
                column: "TeamId",
                principalTable: "Teams",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Models_Teams_TeamId",
                table: "Models",
                column: "TeamId",
                principalTable: "Teams",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_PromptLabels_Teams_TeamId",
                table: "PromptLabels",
                column: "TeamId",
                principalTable: "Teams",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Prompts_Teams_TeamId",
                table: "Prompts",
                column: "TeamId",
                principalTable: "Teams",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_PromptVersions_Teams_TeamId",
                table: "PromptVersions",
                column: "TeamId",
                principalTable: "Teams",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ModelCalls_Teams_TeamId",
                table: "ModelCalls");

            migrationBuilder.DropForeignKey(
                name: "FK_ModelProviders_Teams_TeamId",
                table: "ModelProviders");

            migrationBuilder.DropForeignKey(
                name: "FK_Models_Teams_TeamId",
                table: "Models");

            migrationBuilder.DropForeignKey(
                name: "FK_PromptLabels_Teams_TeamId",
                table: "PromptLabels");

            migrationBuilder.DropForeignKey(
                name: "FK_Prompts_Teams_TeamId",
                table: "Prompts");

            migrationBuilder.DropForeignKey(
                name: "FK_PromptVersions_Teams_TeamId",
                table: "PromptVersions");

            migrationBuilder.DropTable(
                name: "PersonalAccessTokens");

            migrationBuilder.DropIndex(
                name: "IX_PromptVersions_TeamId",
                table: "PromptVersions");

            migrationBuilder.DropIndex(
                name: "IX_PromptLabels_TeamId",
                table: "PromptLabels");
        }
    }
}
