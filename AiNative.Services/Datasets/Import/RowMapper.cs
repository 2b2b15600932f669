using System.Text.Json.Nodes;
using AiNative.Services.Platform.Errors;

namespace AiNative.Services.Datasets.Import;

/// <summary>Turns rows into item contents by a column mapping, which it checks against the file's columns first.</summary>
internal sealed class RowMapper
{
    private readonly IReadOnlyList<ColumnMapping> _mapping;

    private RowMapper(IReadOnlyList<ColumnMapping> mapping) => _mapping = mapping;

    /// <summary>The mapper, once the mapping names only columns of the file and makes sense; all its problems at once otherwise.</summary>
    public static RowMapper For(IReadOnlyList<ColumnMapping> mapping, IReadOnlyCollection<string> columns)
    {
        var used = mapping.Where(m => m.Role != ColumnRole.Ignore).ToList();
        var validation = new Validation();
        foreach (var missing in used.Where(m => !columns.Contains(m.Column)))
        {
            validation.Require(false, ImportProblems.MappingField, $"The file has no column '{missing.Column}'.");
        }

        validation
            .Require(used.Any(m => m.Role is ColumnRole.Variable or ColumnRole.Variables), ImportProblems.MappingField,
                "Choose at least one column as a variable: items need an input.")
            .Require(used.Count(m => m.Role == ColumnRole.ExpectedOutput) <= 1, ImportProblems.MappingField,
                "Choose at most one column as the expected output.")
            .Require(used.Count(m => m.Role == ColumnRole.ExpectedSources) <= 1, ImportProblems.MappingField,
                "Choose at most one column as the expected sources.");
        foreach (var (kind, role) in new[] { ("variable", ColumnRole.Variable), ("metadata field", ColumnRole.Metadata) })
        {
            var named = used.Where(m => m.Role == role).ToList();
            foreach (var tooLong in named.Where(m => m.Key.Length > DatasetRules.KeyMaxLength))
            {
                validation.Require(false, ImportProblems.MappingField, $"The {kind} name '{tooLong.Key[..20]}…' is longer than {DatasetRules.KeyMaxLength} characters.");
            }

            foreach (var twice in named.GroupBy(m => m.Key, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            {
                validation.Require(false, ImportProblems.MappingField,
                    $"Columns {string.Join(" and ", twice.Select(m => $"'{m.Column}'"))} are both the {kind} '{twice.Key}'; give them different names.");
            }
        }

        validation.ThrowIfInvalid();
        return new RowMapper(used);
    }

    /// <summary>The row's item, or why it cannot be one.</summary>
    public (CheckedItem? Item, string? Problem) Map(RawRow row)
    {
        if (row.Problem is not null)
        {
            return (null, row.Problem);
        }

        var cells = row.Cells.ToDictionary(c => c.Key, c => c.Value);
        var variables = new JsonObject();
        var metadata = new JsonObject();
        string? expected = null;
        List<string> sources = [];
        foreach (var column in _mapping)
        {
            if (!cells.TryGetValue(column.Column, out var cell) || cell is null)
            {
                continue;
            }

            switch (column.Role)
            {
                case ColumnRole.Variable:
                    variables[column.Key] = CellValues.AsValue(cell);
                    break;
                case ColumnRole.Metadata:
                    metadata[column.Key] = CellValues.AsValue(cell);
                    break;
                case ColumnRole.Variables or ColumnRole.MetadataObject:
                    if (CellValues.AsObject(cell) is not { } spread)
                    {
                        return (null, $"Column '{column.Column}' must hold a JSON object, like {{\"question\": \"…\"}}.");
                    }

                    foreach (var (key, value) in spread)
                    {
                        (column.Role == ColumnRole.Variables ? variables : metadata)[key] = CellValues.AsValue(value);
                    }

                    break;
                case ColumnRole.ExpectedOutput:
                    expected = CellValues.AsText(cell);
                    break;
                case ColumnRole.ExpectedSources:
                    if (CellValues.AsList(cell) is not { } names)
                    {
                        return (null, $"Column '{column.Column}' must list documents as a JSON array of names or as names separated by semicolons.");
                    }

                    sources = names;
                    break;
            }
        }

        if (variables.Count == 0)
        {
            return (null, "It has no value in any variable column.");
        }

        var (item, problems) = ItemRules.Check(new ItemContent { Variables = variables, ExpectedOutput = expected, ExpectedSources = sources, Metadata = metadata });
        return item is not null ? (item, null) : (null, string.Join(" ", problems.Select(p => p.Message)));
    }
}
