using AiNative.Services.Data;
using AiNative.Services.Models.Offline;
using AiNative.Services.Platform.Seeding;
using AiNative.Services.Teams;

namespace AiNative.Services.Models;

/// <summary>Gives the demo team the built-in offline provider with its chat and embedding models.</summary>
internal sealed class OfflineModelsSeeder(TeamContext team, TimeProvider clock) : IPortalSeeder
{
    public string Name => "models.offline";

    public int Order => 10;

    public async Task SeedAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        if (!await DemoTeam.EnterAsync(db, team, cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var provider = new ModelProvider { Name = OfflineModels.ProviderName, Kind = ProviderKind.Offline, CreatedAt = now, UpdatedAt = now };
        db.ModelProviders.Add(provider);
        db.Models.Add(new ModelDefinition
        {
            Provider = provider,
            Name = OfflineModels.ChatModelId,
            ProviderModelId = OfflineModels.ChatModelId,
            Kind = ModelKind.Chat,
            ContextWindow = OfflineModels.ContextWindow,
            MaxOutputTokens = OfflineModels.MaxOutputTokens,
            CreatedAt = now,
            UpdatedAt = now,
        });
        db.Models.Add(new ModelDefinition
        {
            Provider = provider,
            Name = OfflineModels.EmbeddingModelId,
            ProviderModelId = OfflineModels.EmbeddingModelId,
            Kind = ModelKind.Embedding,
            ContextWindow = OfflineModels.ContextWindow,
            EmbeddingDimensions = OfflineModels.EmbeddingDimensions,
            CreatedAt = now,
            UpdatedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
