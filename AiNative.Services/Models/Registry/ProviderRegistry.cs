using AiNative.Services.Data;
using AiNative.Services.Models.Pipeline;
using AiNative.Services.Platform.Audit;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Platform.Secrets;
using AiNative.Services.Teams;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Models.Registry;

/// <summary>
/// The providers of the current team. API keys are encrypted before they are stored and never
/// returned, logged or audited: an audit entry says only that a key was set, replaced or removed.
/// </summary>
public sealed class ProviderRegistry(
    IDbContextFactory<PortalDbContext> dbFactory,
    TeamContext team,
    ModelCatalog catalog,
    AuditTrail audit,
    SecretProtector secrets,
    ProviderRules rules,
    TimeProvider clock)
{
    private const string AuditKind = "Provider";

    /// <summary>The team's providers by name, each with its models.</summary>
    public async Task<IReadOnlyList<ModelProvider>> ListAsync(CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ModelProviders.AsNoTracking().Include(p => p.Models).OrderBy(p => p.Name.ToLower()).ToListAsync(cancellationToken);
    }

    public async Task<ModelProvider> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await FindAsync(db.ModelProviders.AsNoTracking().Include(p => p.Models), id, cancellationToken);
    }

    public async Task<ModelProvider> CreateAsync(ProviderInput input, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Editor);
        var baseUrl = await rules.CheckAsync(input, cancellationToken);
        var name = input.Name!.Trim();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.ModelProviders.EnsureNameFreeAsync(name, null, () => NameTaken(name), cancellationToken);

        var now = clock.GetUtcNow();
        var provider = new ModelProvider
        {
            Name = name,
            Kind = input.Kind,
            BaseUrl = baseUrl,
            TimeoutSeconds = input.TimeoutSeconds,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var keyChange = ApplyKey(provider, input);
        db.ModelProviders.Add(provider);
        audit.Record(db, AuditAction.Created, AuditKind, provider.Id, provider.Name,
            $"{provider.Kind} provider at {provider.BaseUrl ?? "the portal (built in)"}, timeout {provider.TimeoutSeconds} s{(keyChange is null ? string.Empty : $"; {keyChange}")}");
        await db.SaveUniqueAsync(e => NameTaken(name, e), cancellationToken);
        return provider;
    }

    public async Task<ModelProvider> UpdateAsync(Guid id, ProviderInput input, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Editor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var provider = await FindAsync(db.ModelProviders.Include(p => p.Models), id, cancellationToken);
        var baseUrl = await rules.CheckAsync(input, cancellationToken);
        var name = input.Name!.Trim();
        var switchesOffline = (provider.Kind == ProviderKind.Offline) != (input.Kind == ProviderKind.Offline);
        if (switchesOffline && provider.Models.Count > 0)
        {
            throw new ConflictException(
                $"Provider '{provider.Name}' has {provider.Models.Count} models, so it cannot switch to or from the built-in offline provider. Add a new provider instead.");
        }

        RequireKeyAgainForNewAddress(provider, input, baseUrl);
        await db.ModelProviders.EnsureNameFreeAsync(name, provider.Id, () => NameTaken(name), cancellationToken);
        (string Field, object? Before, object? After)[] fields =
        [
            ("name", provider.Name, name),
            ("kind", provider.Kind, input.Kind),
            ("base URL", provider.BaseUrl, baseUrl),
            ("timeout", provider.TimeoutSeconds, input.TimeoutSeconds),
        ];
        var fieldsChanged = fields.Any(f => !Equals(f.Before, f.After));
        var changes = AuditTrail.Changes(fields);
        provider.Name = name;
        provider.Kind = input.Kind;
        provider.BaseUrl = baseUrl;
        provider.TimeoutSeconds = input.TimeoutSeconds;
        provider.UpdatedAt = clock.GetUtcNow();
        var keyChange = ApplyKey(provider, input);
        var summary = keyChange is null ? changes : fieldsChanged ? $"{changes}; {keyChange}" : keyChange;
        audit.Record(db, AuditAction.Updated, AuditKind, provider.Id, provider.Name, summary);
        await db.SaveUniqueAsync(e => NameTaken(name, e), cancellationToken);
        catalog.Invalidate(team.TeamId);
        return provider;
    }

    public async Task DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Editor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var provider = await FindAsync(db.ModelProviders.Include(p => p.Models), id, cancellationToken);
        if (provider.Models.Count > 0)
        {
            var names = string.Join(", ", provider.Models.Select(m => $"'{m.Name}'").Order());
            throw new ConflictException(
                $"Provider '{provider.Name}' still has {provider.Models.Count} model(s): {names}. Delete them, or move them to another provider, first.");
        }

        db.ModelProviders.Remove(provider);
        audit.Record(db, AuditAction.Deleted, AuditKind, provider.Id, provider.Name,
            $"{provider.Kind} provider at {provider.BaseUrl ?? "the portal (built in)"}");
        await db.SaveChangesAsync(cancellationToken);
        catalog.Invalidate(team.TeamId);
    }

    /// <summary>
    /// A stored key goes only where it was given for: moving the provider to another address or
    /// kind needs the key again (or its removal), or an editor could send it to a server of theirs.
    /// </summary>
    private static void RequireKeyAgainForNewAddress(ModelProvider provider, ProviderInput input, string? baseUrl)
    {
        var moves = !string.Equals(provider.BaseUrl, baseUrl, StringComparison.Ordinal) || provider.Kind != input.Kind;
        if (moves && provider.ProtectedApiKey is not null && string.IsNullOrEmpty(input.ApiKey) && !input.ClearApiKey)
        {
            throw new ValidationFailedException(
                "ApiKey",
                "The stored key was given for the provider's current address. Enter the key again to use it at the new address, or remove it.");
        }
    }

    /// <summary>Sets, replaces or removes the stored key; returns the audit words for it (never the key), or null.</summary>
    private string? ApplyKey(ModelProvider provider, ProviderInput input)
    {
        if (!string.IsNullOrEmpty(input.ApiKey))
        {
            var replaced = provider.ProtectedApiKey is not null;
            provider.ProtectedApiKey = secrets.Protect(input.ApiKey);
            provider.ApiKeyHint = SecretProtector.Hint(input.ApiKey);
            return replaced ? "API key replaced" : "API key set";
        }

        if ((input.ClearApiKey || input.Kind == ProviderKind.Offline) && provider.ProtectedApiKey is not null)
        {
            provider.ProtectedApiKey = null;
            provider.ApiKeyHint = null;
            return "API key removed";
        }

        return null;
    }

    private static async Task<ModelProvider> FindAsync(IQueryable<ModelProvider> providers, Guid id, CancellationToken cancellationToken) =>
        await providers.SingleOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new NotFoundException(AuditKind, id);

    private static ConflictException NameTaken(string name, Exception? inner = null) =>
        new($"A provider named '{name}' already exists in this team. Choose another name.", inner);
}
