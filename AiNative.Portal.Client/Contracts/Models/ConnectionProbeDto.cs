namespace AiNative.Portal.Client.Contracts.Models;

/// <summary>How a connection test reached the provider.</summary>
public enum ConnectionProbeDto
{
    ListedModels = 1,
    OneTokenCall = 2,
    BuiltIn = 3,
}
