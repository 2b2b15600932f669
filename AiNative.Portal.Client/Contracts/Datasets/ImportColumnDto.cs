namespace AiNative.Portal.Client.Contracts.Datasets;

public sealed record ImportColumnDto(string Name, ColumnRoleDto SuggestedRole);
