using AiNative.Portal.Client.Contracts.Datasets;

namespace AiNative.Portal.Components.Pages.Datasets;

/// <summary>The words the import dialog uses for formats and column roles.</summary>
internal static class ImportLabels
{
    public static readonly ColumnRoleDto[] Roles =
    [
        ColumnRoleDto.Variable, ColumnRoleDto.Variables, ColumnRoleDto.ExpectedOutput, ColumnRoleDto.ExpectedSources,
        ColumnRoleDto.Metadata, ColumnRoleDto.MetadataObject, ColumnRoleDto.Ignore,
    ];

    public static string Of(ColumnRoleDto role) => role switch
    {
        ColumnRoleDto.Variable => "Variable",
        ColumnRoleDto.Variables => "Variables (a JSON object)",
        ColumnRoleDto.ExpectedOutput => "Expected output",
        ColumnRoleDto.ExpectedSources => "Expected sources",
        ColumnRoleDto.Metadata => "Metadata field",
        ColumnRoleDto.MetadataObject => "Metadata (a JSON object)",
        _ => "Not imported",
    };

    public static string Of(DatasetFileFormatDto format) => format switch
    {
        DatasetFileFormatDto.Csv => "CSV",
        DatasetFileFormatDto.JsonLines => "JSON Lines",
        _ => "JSON",
    };

    /// <summary>Whether a column of this role takes a name of its own (a variable or metadata field).</summary>
    public static bool IsNamed(ColumnRoleDto role) => role is ColumnRoleDto.Variable or ColumnRoleDto.Metadata;
}
