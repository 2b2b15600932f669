using AiNative.Services.Data;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AiNative.Services.Data.Migrations
{
    /// <summary>Amounts move from doubles to whole ten-billionths of a dollar (<see cref="Money"/>), so they add exactly.</summary>
    public partial class ExactAmounts : Migration
    {
        private static readonly (string Table, string Column)[] Amounts =
        [
            ("Traces", "Cost"),
            ("Observations", "Cost"),
            ("Models", "OutputPricePerMillion"),
            ("Models", "InputPricePerMillion"),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<long>(
                name: "Cost",
                table: "Traces",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(double),
                oldType: "REAL");

            migrationBuilder.AlterColumn<long>(
                name: "Cost",
                table: "Observations",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(double),
                oldType: "REAL");

            migrationBuilder.AlterColumn<long>(
                name: "OutputPricePerMillion",
                table: "Models",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(double),
                oldType: "REAL");

            migrationBuilder.AlterColumn<long>(
                name: "InputPricePerMillion",
                table: "Models",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(double),
                oldType: "REAL");

            // The table copies keep each double as it was; now it becomes whole units.
            foreach (var (table, column) in Amounts)
            {
                migrationBuilder.Sql($"""UPDATE "{table}" SET "{column}" = CAST(ROUND("{column}" * {Money.UnitsPerDollar}) AS INTEGER);""");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<double>(
                name: "Cost",
                table: "Traces",
                type: "REAL",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AlterColumn<double>(
                name: "Cost",
                table: "Observations",
                type: "REAL",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AlterColumn<double>(
                name: "OutputPricePerMillion",
                table: "Models",
                type: "REAL",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AlterColumn<double>(
                name: "InputPricePerMillion",
                table: "Models",
                type: "REAL",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            foreach (var (table, column) in Amounts)
            {
                migrationBuilder.Sql($"""UPDATE "{table}" SET "{column}" = "{column}" / {Money.UnitsPerDollar}.0;""");
            }
        }
    }
}
