using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AiNative.Services.PostgreSql.Migrations
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
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "GatewayTokensPerMinute",
                table: "Teams",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TraceContentRetentionDays",
                table: "Teams",
                type: "integer",
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
