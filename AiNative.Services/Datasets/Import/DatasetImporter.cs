using AiNative.Services.Data;
using AiNative.Services.Platform.Audit;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AiNative.Services.Datasets.Import;

/// <summary>
/// Imports items from CSV, JSON Lines and JSON files: a preview first (columns, first rows, a suggested mapping and
/// the rows that would be bad), then the import, which makes one version with every good row, or nothing at all.
/// The file is read three times (columns, check, save) and only the last reading writes, inside one transaction.
/// </summary>
public sealed class DatasetImporter(
    IDbContextFactory<PortalDbContext> dbFactory,
    TeamContext team,
    AuditTrail audit,
    TimeProvider clock,
    IOptions<DatasetOptions> options)
{
    /// <summary>The bad rows a preview or a refusal names; the rest are counted.</summary>
    public const int BadRowsListed = 20;

    public async Task<ImportPreview> PreviewAsync(Guid datasetId, string fileName, Stream content, ImportOptions request, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Editor);
        await EnsureDatasetAsync(datasetId, cancellationToken);
        var (format, rows, scan, mapping, mapper) = await ReadAsync(fileName, content, request, cancellationToken);
        var check = Check(rows, mapper);
        var preview = scan.FirstRows.Select(r => new PreviewRow(r.Line, r.Cells.ToDictionary(c => c.Key, c => CellValues.AsText(c.Value)))).ToList();
        return new ImportPreview(format, scan.SuggestedColumns(), mapping, preview, scan.Total, check.Good, check.Listed, check.Bad);
    }

    public async Task<ImportResult> ImportAsync(Guid datasetId, string fileName, Stream content, ImportOptions request, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Editor);
        await EnsureDatasetAsync(datasetId, cancellationToken);
        var (_, rows, _, _, mapper) = await ReadAsync(fileName, content, request, cancellationToken);
        var check = Check(rows, mapper);
        if (check.Good == 0)
        {
            throw RowsProblem($"None of the {check.Bad} row(s) can be imported.", check);
        }

        if (check.Bad > 0 && request.BadRows == BadRowHandling.ImportNothing)
        {
            throw RowsProblem($"{check.Bad} of the {check.Bad + check.Good} rows cannot be imported, so nothing was. Fix them, or import the other {check.Good}.", check);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var change = await DatasetChange.BeginAsync(db, datasetId, audit, team.Actor.Name, clock.GetUtcNow(), cancellationToken);
        var removed = request.Mode == ImportMode.Replace ? await change.CloseAllAsync(cancellationToken) : 0;
        var added = 0;
        foreach (var row in rows.Read())
        {
            if (mapper.Map(row).Item is { } item)
            {
                await change.AppendAsync(item, null, cancellationToken);
                added++;
            }
        }

        var name = Path.GetFileName(fileName);
        var summary = $"Imported {added} item(s) from {(name.Length > 100 ? name[..100] : name)}"
            + (removed > 0 ? $", replacing {removed}" : string.Empty)
            + (check.Bad > 0 ? $"; skipped {check.Bad} bad row(s)" : string.Empty);
        var version = await change.CommitAsync(summary, cancellationToken);
        return new ImportResult(version, added, removed, check.Listed, check.Bad);
    }

    private async Task<(ImportFormat, IImportRows, FileScan, IReadOnlyList<ColumnMapping>, RowMapper)> ReadAsync(
        string fileName, Stream content, ImportOptions request, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var bytes = await ImportFiles.ReadAsync(content, limits.MaxImportBytes, cancellationToken);
        var format = ImportFiles.Detect(fileName, bytes, request.Format);
        var rows = ImportFiles.Rows(format, bytes);
        var scan = FileScan.Of(rows, limits.PreviewRows, limits.MaxImportRows);
        var mapping = request.Mapping is { Count: > 0 } asked ? asked : ColumnSuggestions.Mapping(scan.SuggestedColumns());
        return (format, rows, scan, mapping, RowMapper.For(mapping, scan.Columns));
    }

    private static RowCheck Check(IImportRows rows, RowMapper mapper)
    {
        var check = new RowCheck();
        foreach (var row in rows.Read())
        {
            if (mapper.Map(row).Problem is { } problem)
            {
                check.AddBad(new BadRow(row.Line, problem));
            }
            else
            {
                check.Good++;
            }
        }

        return check;
    }

    private static ValidationFailedException RowsProblem(string headline, RowCheck check)
    {
        var more = check.Bad - check.Listed.Count;
        List<string> messages = [headline, .. check.Listed.Select(b => b.ToString())];
        if (more > 0)
        {
            messages.Add($"… and {more} more bad row(s).");
        }

        return new ValidationFailedException(new Dictionary<string, string[]> { [ImportProblems.RowsField] = [.. messages] });
    }

    private async Task EnsureDatasetAsync(Guid datasetId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Datasets.AnyAsync(d => d.Id == datasetId, cancellationToken))
        {
            throw new NotFoundException(DatasetRegistry.AuditKind, datasetId);
        }
    }

    private sealed class RowCheck
    {
        public int Good { get; set; }

        public int Bad { get; private set; }

        public List<BadRow> Listed { get; } = [];

        public void AddBad(BadRow row)
        {
            Bad++;
            if (Listed.Count < BadRowsListed)
            {
                Listed.Add(row);
            }
        }
    }
}
