using AiNative.Services.Data;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Datasets;

/// <summary>The rows that make up one version of a dataset, as a query (see <see cref="DatasetItem"/>).</summary>
internal static class DatasetVersionItems
{
    /// <summary>
    /// The rows of <paramref name="version"/>. The latest version within one statement is simply the open rows,
    /// which its index pages directly; reads spread over several statements use the range, which a change made
    /// meanwhile cannot alter.
    /// </summary>
    public static IQueryable<DatasetItem> Of(PortalDbContext db, Guid datasetId, int version, bool latestInOneStatement)
    {
        var items = db.DatasetItems.AsNoTracking().Where(i => i.DatasetId == datasetId);
        return latestInOneStatement
            ? items.Where(i => i.ValidTo == null)
            : items.Where(i => i.ValidFrom <= version && (i.ValidTo == null || i.ValidTo > version));
    }

    /// <summary>The rows whose input or expected output contains <paramref name="text"/>, ignoring case.</summary>
    public static IQueryable<DatasetItem> Containing(PortalDbContext db, IQueryable<DatasetItem> items, string text)
    {
        var pattern = $"%{Escape(text)}%";
        return db.Database.IsNpgsql()
            ? items.Where(i => EF.Functions.ILike(i.Input, pattern, EscapeCharacter) || EF.Functions.ILike(i.ExpectedOutput!, pattern, EscapeCharacter))
            : items.Where(i => EF.Functions.Like(i.Input, pattern, EscapeCharacter) || EF.Functions.Like(i.ExpectedOutput, pattern, EscapeCharacter));
    }

    private const string EscapeCharacter = "\\";

    private static string Escape(string text) =>
        text.Replace(EscapeCharacter, EscapeCharacter + EscapeCharacter, StringComparison.Ordinal)
            .Replace("%", EscapeCharacter + "%", StringComparison.Ordinal)
            .Replace("_", EscapeCharacter + "_", StringComparison.Ordinal);
}
