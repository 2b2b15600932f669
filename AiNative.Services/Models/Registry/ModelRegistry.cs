using AiNative.Services.Data;
using AiNative.Services.Models.Pipeline;
using AiNative.Services.Platform.Audit;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Teams;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Models.Registry;

/// <summary>The models of the current team: which provider serves each, its limits, prices and defaults.</summary>
public sealed class ModelRegistry(
    IDbContextFactory<PortalDbContext> dbFactory,
    TeamContext team,
    ModelCatalog catalog,
    AuditTrail audit,
    TimeProvider clock)
{
    private const string AuditKind = "Model";

    /// <summary>The team's models by name, each with its provider; only those of <paramref name="kind"/> when given.</summary>
    public async Task<IReadOnlyList<ModelDefinition>> ListAsync(ModelKind? kind, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var models = db.Models.AsNoTracking().Include(m => m.Provider).AsQueryable();
        if (kind is { } wanted)
        {
            models = models.Where(m => m.Kind == wanted);
        }

        return await models.OrderBy(m => m.Name.ToLower()).ToListAsync(cancellationToken);
    }

    public async Task<ModelDefinition> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await FindAsync(db.Models.AsNoTracking(), id, cancellationToken);
    }

    public async Task<ModelDefinition> CreateAsync(ModelInput input, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Editor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var provider = await ProviderOfAsync(db, input, cancellationToken);
        ModelRules.Check(input, provider);
        var name = input.Name!.Trim();
        await db.Models.EnsureNameFreeAsync(name, null, () => NameTaken(name), cancellationToken);

        var now = clock.GetUtcNow();
        var model = new ModelDefinition
        {
            Name = name,
            ProviderModelId = input.ProviderModelId!.Trim(),
            Provider = provider!,
            CreatedAt = now,
        };
        Apply(model, input, now);
        db.Models.Add(model);
        audit.Record(db, AuditAction.Created, AuditKind, model.Id, model.Name,
            $"{model.Kind} model '{model.ProviderModelId}' of provider '{provider!.Name}'; context window {model.ContextWindow:N0}, " +
            $"max output {model.MaxOutputTokens:N0}, {model.InputPricePerMillion} / {model.OutputPricePerMillion} USD per million input / output tokens");
        await db.SaveUniqueAsync(e => NameTaken(name, e), cancellationToken);

        // A new name: the gateway may have learnt that the name stood for nothing.
        catalog.Invalidate(team.TeamId);
        return model;
    }

    public async Task<ModelDefinition> UpdateAsync(Guid id, ModelInput input, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Editor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var model = await FindAsync(db.Models, id, cancellationToken);
        var provider = await ProviderOfAsync(db, input, cancellationToken);
        ModelRules.Check(input, provider);
        var name = input.Name!.Trim();
        await db.Models.EnsureNameFreeAsync(name, model.Id, () => NameTaken(name), cancellationToken);

        var before = (model.Name, Provider: model.Provider.Name, model.ProviderModelId, model.Kind, model.ContextWindow, model.MaxOutputTokens,
            model.InputPricePerMillion, model.OutputPricePerMillion, model.EmbeddingDimensions, model.DefaultSettings);
        model.Name = name;
        model.ProviderModelId = input.ProviderModelId!.Trim();
        model.Provider = provider!;
        Apply(model, input, clock.GetUtcNow());
        audit.Record(db, AuditAction.Updated, AuditKind, model.Id, model.Name, AuditTrail.Changes(
            ("name", before.Name, model.Name),
            ("provider", before.Provider, provider!.Name),
            ("provider model id", before.ProviderModelId, model.ProviderModelId),
            ("kind", before.Kind, model.Kind),
            ("context window", before.ContextWindow, model.ContextWindow),
            ("max output", before.MaxOutputTokens, model.MaxOutputTokens),
            ("input price", before.InputPricePerMillion, model.InputPricePerMillion),
            ("output price", before.OutputPricePerMillion, model.OutputPricePerMillion),
            ("dimensions", before.EmbeddingDimensions, model.EmbeddingDimensions),
            ("default settings", Describe(before.DefaultSettings), Describe(model.DefaultSettings))));
        await db.SaveUniqueAsync(e => NameTaken(name, e), cancellationToken);
        catalog.Invalidate(team.TeamId);
        return model;
    }

    public async Task DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Editor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var model = await FindAsync(db.Models, id, cancellationToken);
        db.Models.Remove(model);
        audit.Record(db, AuditAction.Deleted, AuditKind, model.Id, model.Name,
            $"{model.Kind} model '{model.ProviderModelId}' of provider '{model.Provider.Name}'");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            catalog.Invalidate(team.TeamId);
        }
        catch (DbUpdateException e) when (e.IsForeignKeyViolation())
        {
            // Prompt versions, knowledge bases and other features keep restricted references to models.
            throw new ConflictException(
                $"Model '{model.Name}' is in use: prompt versions or knowledge bases still refer to it. " +
                "Point them at another model on the Prompts and Knowledge pages, then delete it.", e);
        }
    }

    private static void Apply(ModelDefinition model, ModelInput input, DateTimeOffset now)
    {
        model.Kind = input.Kind;
        model.ContextWindow = input.ContextWindow;
        model.MaxOutputTokens = input.MaxOutputTokens;
        model.InputPricePerMillion = input.InputPricePerMillion;
        model.OutputPricePerMillion = input.OutputPricePerMillion;
        model.EmbeddingDimensions = input.Kind == ModelKind.Embedding ? input.EmbeddingDimensions : null;
        model.DefaultSettings = input.DefaultSettings ?? new();
        model.UpdatedAt = now;
    }

    private static string Describe(GenerationSettings settings) =>
        $"temperature {settings.Temperature?.ToString() ?? "default"}, top-p {settings.TopP?.ToString() ?? "default"}, " +
        $"max tokens {settings.MaxOutputTokens?.ToString() ?? "default"}, {settings.ResponseFormat}";

    /// <summary>The input's provider in this team, or null (another team's provider is as unknown as a made-up id).</summary>
    private static Task<ModelProvider?> ProviderOfAsync(PortalDbContext db, ModelInput input, CancellationToken cancellationToken) =>
        db.ModelProviders.SingleOrDefaultAsync(p => p.Id == input.ProviderId, cancellationToken);

    private static async Task<ModelDefinition> FindAsync(IQueryable<ModelDefinition> models, Guid id, CancellationToken cancellationToken) =>
        await models.Include(m => m.Provider).SingleOrDefaultAsync(m => m.Id == id, cancellationToken)
        ?? throw new NotFoundException(AuditKind, id);

    private static ConflictException NameTaken(string name, Exception? inner = null) =>
        new($"A model named '{name}' already exists in this team. Choose another name.", inner);
}
