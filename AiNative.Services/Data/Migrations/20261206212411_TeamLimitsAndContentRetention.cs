using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AiNative.Services.Data.Migrations
{
    /// <inheritdoc />
    public partial class TeamLimitsAndContentRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "GatewayRequestsPerMinute",
                table: "Teams",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "GatewayTokensPerMinute",
                table: "Teams",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TraceContentRetentionDays",
                table: "Teams",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "GatewayRequestsPerMinute",
                table: "Teams");

            migrationBuilder.DropColumn(
                name: "GatewayTokensPerMinute",
                table: "Teams");

            migrationBuilder.DropColumn(
                name: "TraceContentRetentionDays",
                table: "Teams");
        }
    }
}
