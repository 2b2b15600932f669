namespace AiNative.Portal.Client.Contracts.Datasets;

/// <summary>What one column becomes; <see cref="Name"/> renames a variable or metadata field.</summary>
public sealed record ColumnMappingDto(string Column, ColumnRoleDto Role, string? Name = null);
