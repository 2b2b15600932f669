using AiNative.Services.Data;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Experiments.Results;

/// <summary>
/// The evaluators' results added up by the database, which reads each cell's JSON where it lies (SQLite's
/// <c>json_each</c>, PostgreSQL's <c>jsonb_array_elements</c>): per variant and evaluator the counts, sums and sums of
/// squares, and wins, ties and losses against the baseline's cell of the same item. No cell travels to the portal.
/// </summary>
internal static class ScoreAggregates
{
    public static Task<List<ScoreTotals>> TotalsAsync(PortalDbContext db, Guid experimentId, CancellationToken cancellationToken)
    {
        var json = Json.Of(db);
        var sql = $$"""
            SELECT c."VariantId" AS "VariantId", {{json.Text("e", "Evaluator")}} AS "Evaluator", count(*) AS "Results",
                count({{json.Text("e", "Value")}}) AS "Values", coalesce(sum({{json.Number("e", "Value")}}), 0) AS "Sum",
                coalesce(sum({{json.Number("e", "Value")}} * {{json.Number("e", "Value")}}), 0) AS "SumOfSquares",
                count({{json.Text("e", "Passed")}}) AS "Judged", count(CASE WHEN {{json.IsTrue("e", "Passed")}} THEN 1 END) AS "Passed",
                count({{json.Text("e", "Error")}}) AS "Errors"
            FROM "ExperimentCells" AS c {{json.Elements("c", "e")}}
            WHERE c."ExperimentId" = {0}
            GROUP BY c."VariantId", {{json.Text("e", "Evaluator")}}
            """;
        return db.Database.SqlQueryRaw<ScoreTotals>(sql, experimentId).ToListAsync(cancellationToken);
    }

    /// <summary>Pairs of a variant's and the baseline's values on the same item, within the same tolerance as <see cref="Evaluation.Statistics.WinTieLoss"/>.</summary>
    public static Task<List<ScoreVersus>> VersusAsync(PortalDbContext db, Guid experimentId, Guid baselineId, CancellationToken cancellationToken)
    {
        var json = Json.Of(db);
        var sql = $$"""
            SELECT p."VariantId" AS "VariantId", p."Evaluator" AS "Evaluator", count(CASE WHEN p."Change" > 1e-9 THEN 1 END) AS "Wins",
                count(CASE WHEN abs(p."Change") <= 1e-9 THEN 1 END) AS "Ties", count(CASE WHEN p."Change" < -1e-9 THEN 1 END) AS "Losses"
            FROM (
                SELECT c."VariantId" AS "VariantId", {{json.Text("e", "Evaluator")}} AS "Evaluator", {{json.Number("e", "Value")}} - {{json.Number("be", "Value")}} AS "Change"
                FROM "ExperimentCells" AS c
                JOIN "ExperimentCells" AS b ON b."ExperimentId" = c."ExperimentId" AND b."ItemId" = c."ItemId" AND b."VariantId" = {1}
                {{json.Elements("c", "e")}} {{json.Elements("b", "be")}}
                WHERE c."ExperimentId" = {0} AND c."VariantId" <> {1} AND {{json.Text("e", "Evaluator")}} = {{json.Text("be", "Evaluator")}}
                    AND {{json.Text("e", "Value")}} IS NOT NULL AND {{json.Text("be", "Value")}} IS NOT NULL) AS p
            GROUP BY p."VariantId", p."Evaluator"
            """;
        return db.Database.SqlQueryRaw<ScoreVersus>(sql, experimentId, baselineId).ToListAsync(cancellationToken);
    }

    /// <summary>One variant's values of one evaluator in the dataset's order, for a sample small enough to bootstrap.</summary>
    public static Task<List<double>> ValuesAsync(PortalDbContext db, Guid experimentId, Guid variantId, string evaluator, CancellationToken cancellationToken)
    {
        var json = Json.Of(db);
        var sql = $$"""
            SELECT {{json.Number("e", "Value")}} AS "Value"
            FROM "ExperimentCells" AS c {{json.Elements("c", "e")}}
            WHERE c."ExperimentId" = {0} AND c."VariantId" = {1} AND {{json.Text("e", "Evaluator")}} = {2} AND {{json.Text("e", "Value")}} IS NOT NULL
            ORDER BY c."ItemPosition"
            """;
        return db.Database.SqlQueryRaw<double>(sql, experimentId, variantId, evaluator).ToListAsync(cancellationToken);
    }

    /// <summary>How each database reads a field of the elements of a cell's evaluations.</summary>
    private sealed record Json(bool Postgres)
    {
        public static Json Of(PortalDbContext db) => new(db.Database.IsNpgsql());

        public string Elements(string cell, string element) => Postgres
            ? $"""CROSS JOIN LATERAL jsonb_array_elements({cell}."Evaluations"::jsonb) AS {element}"""
            : $"""CROSS JOIN json_each({cell}."Evaluations") AS {element}""";

        /// <summary>The field as text, or SQL NULL when absent or JSON null.</summary>
        public string Text(string element, string field) => Postgres ? $"({element} ->> '{field}')" : $"({element}.value ->> '{field}')";

        public string Number(string element, string field) => Postgres ? $"({element} ->> '{field}')::float8" : Text(element, field);

        public string IsTrue(string element, string field) => Postgres ? $"({element} ->> '{field}') = 'true'" : $"{Text(element, field)} = 1";
    }
}

internal sealed class ScoreTotals
{
    public Guid VariantId { get; init; }

    public required string Evaluator { get; init; }

    public long Results { get; init; }

    public long Values { get; init; }

    public double Sum { get; init; }

    public double SumOfSquares { get; init; }

    public long Judged { get; init; }

    public long Passed { get; init; }

    public long Errors { get; init; }
}

internal sealed class ScoreVersus
{
    public Guid VariantId { get; init; }

    public required string Evaluator { get; init; }

    public long Wins { get; init; }

    public long Ties { get; init; }

    public long Losses { get; init; }
}
