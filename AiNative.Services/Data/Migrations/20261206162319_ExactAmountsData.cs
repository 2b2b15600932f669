using AiNative.Services.Data;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AiNative.Services.Data.Migrations
{
    /// <summary>
    /// Converts the amounts that <see cref="ExactAmounts"/> copied as doubles into whole ten-billionths of a
    /// dollar. A migration of its own, so it runs after SQLite has rebuilt the tables.
    /// </summary>
    public partial class ExactAmountsData : Migration
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
            foreach (var (table, column) in Amounts)
            {
                migrationBuilder.Sql($"""UPDATE "{table}" SET "{column}" = CAST(ROUND("{column}" * {Money.UnitsPerDollar}) AS INTEGER);""");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, column) in Amounts)
            {
                migrationBuilder.Sql($"""UPDATE "{table}" SET "{column}" = "{column}" / {Money.UnitsPerDollar}.0;""");
            }
        }
    }
}
