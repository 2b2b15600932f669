namespace AiNative.Portal.Client.Contracts.Datasets;

/// <summary>What an imported column becomes: one variable, an object of variables, the expected output or sources, metadata, or nothing.</summary>
public enum ColumnRoleDto
{
    Ignore = 0,
    Variable = 1,
    Variables = 2,
    ExpectedOutput = 3,
    ExpectedSources = 4,
    Metadata = 5,
    MetadataObject = 6,
}
