using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AiNative.Services.Data.Migrations
{
    /// <inheritdoc />
    public partial class Experiments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Experiments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TeamId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DatasetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DatasetName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DatasetVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Evaluators = table.Column<string>(type: "TEXT", nullable: false),
                    CostCap = table.Column<long>(type: "INTEGER", nullable: true),
                    EstimatedCalls = table.Column<int>(type: "INTEGER", nullable: false),
                    EstimatedCost = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StopReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CellCount = table.Column<int>(type: "INTEGER", nullable: false),
                    SucceededCount = table.Column<int>(type: "INTEGER", nullable: false),
                    FailedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    SkippedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CancelledCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Cost = table.Column<long>(type: "INTEGER", nullable: false),
                    InputTokens = table.Column<long>(type: "INTEGER", nullable: false),
                    OutputTokens = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    StartedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    StartedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RunStartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DoneAtRunStart = table.Column<int>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Experiments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Experiments_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExperimentCells",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TeamId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExperimentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VariantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VariantPosition = table.Column<int>(type: "INTEGER", nullable: false),
                    IsBaseline = table.Column<bool>(type: "INTEGER", nullable: false),
                    WaitsForBaseline = table.Column<bool>(type: "INTEGER", nullable: false),
                    ProviderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemPosition = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    RateLimitRetries = table.Column<int>(type: "INTEGER", nullable: false),
                    AvailableAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LeaseExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClaimId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Output = table.Column<string>(type: "TEXT", nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    TraceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    LatencyMs = table.Column<double>(type: "REAL", nullable: true),
                    InputTokens = table.Column<long>(type: "INTEGER", nullable: false),
                    OutputTokens = table.Column<long>(type: "INTEGER", nullable: false),
                    Cost = table.Column<long>(type: "INTEGER", nullable: false),
                    Evaluations = table.Column<string>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExperimentCells", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExperimentCells_Experiments_ExperimentId",
                        column: x => x.ExperimentId,
                        principalTable: "Experiments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ExperimentCells_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExperimentVariants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TeamId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExperimentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    IsBaseline = table.Column<bool>(type: "INTEGER", nullable: false),
                    PromptId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PromptName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PromptVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    PromptLabel = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ModelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ModelName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ModelOverridden = table.Column<bool>(type: "INTEGER", nullable: false),
                    ProviderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Settings = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExperimentVariants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExperimentVariants_Experiments_ExperimentId",
                        column: x => x.ExperimentId,
                        principalTable: "Experiments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ExperimentVariants_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExperimentCells_ClaimId",
                table: "ExperimentCells",
                column: "ClaimId");

            migrationBuilder.CreateIndex(
                name: "IX_ExperimentCells_ExperimentId_ItemId_VariantPosition",
                table: "ExperimentCells",
                columns: new[] { "ExperimentId", "ItemId", "VariantPosition" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExperimentCells_ExperimentId_Status",
                table: "ExperimentCells",
                columns: new[] { "ExperimentId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ExperimentCells_LeaseOwner",
                table: "ExperimentCells",
                column: "LeaseOwner");

            migrationBuilder.CreateIndex(
                name: "IX_ExperimentCells_ProviderId_Status_ItemPosition_VariantPosition",
                table: "ExperimentCells",
                columns: new[] { "ProviderId", "Status", "ItemPosition", "VariantPosition" });

            migrationBuilder.CreateIndex(
                name: "IX_ExperimentCells_Status_LeaseExpiresAt",
                table: "ExperimentCells",
                columns: new[] { "Status", "LeaseExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ExperimentCells_TeamId",
                table: "ExperimentCells",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_Experiments_TeamId_CreatedAt",
                table: "Experiments",
                columns: new[] { "TeamId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Experiments_TeamId_Name",
                table: "Experiments",
                columns: new[] { "TeamId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExperimentVariants_ExperimentId_Position",
                table: "ExperimentVariants",
                columns: new[] { "ExperimentId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExperimentVariants_TeamId",
                table: "ExperimentVariants",
                column: "TeamId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExperimentCells");

            migrationBuilder.DropTable(
                name: "ExperimentVariants");

            migrationBuilder.DropTable(
                name: "Experiments");
        }
    }
}
