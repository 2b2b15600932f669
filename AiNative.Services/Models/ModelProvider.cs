using AiNative.Services.Data;
using AiNative.Services.Teams;

namespace AiNative.Services.Models;

/// <summary>Where models are served from, and how to reach it.</summary>
public sealed class ModelProvider : ITeamOwned, IUniquelyNamed
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TeamId { get; set; }

    public required string Name { get; set; }

    public ProviderKind Kind { get; set; }

    /// <summary>The API's base URL (for OpenAI-compatible servers, the URL that ends in <c>/v1</c>).</summary>
    public string? BaseUrl { get; set; }

    /// <summary>The API key encrypted with Data Protection; never returned to a client.</summary>
    public string? ProtectedApiKey { get; set; }

    /// <summary>The last characters of the key, so people can tell keys apart.</summary>
    public string? ApiKeyHint { get; set; }

    public int TimeoutSeconds { get; set; } = 100;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<ModelDefinition> Models { get; set; } = [];
}
