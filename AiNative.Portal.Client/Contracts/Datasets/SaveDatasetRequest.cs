namespace AiNative.Portal.Client.Contracts.Datasets;

public sealed record SaveDatasetRequest(string Name, string? Description = null);
