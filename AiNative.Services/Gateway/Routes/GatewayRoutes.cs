using AiNative.Services.Data;
using AiNative.Services.Models;
using AiNative.Services.Platform.Audit;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Teams;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Gateway.Routes;

/// <summary>The team's gateway routes: editors save and delete them, the gateway reads them for every request.</summary>
public sealed class GatewayRoutes(IDbContextFactory<PortalDbContext> dbFactory, TeamContext team, AuditTrail audit, GatewayDirectory directory, TimeProvider clock)
{
    public const string AuditKind = "Gateway route";

    public const int MaxNameLength = 100;

    public const int MaxTargets = 10;

    public const int MaxFallbacks = 5;

    public const int MaxWeight = 1000;

    public const int DefaultTimeoutSeconds = 60;

    public const int MaxSchemaLength = 20_000;

    /// <summary>Model names that start so are prompts (<c>prompt:name@label</c>), never routes.</summary>
    public const string PromptPrefix = "prompt:";

    public async Task<IReadOnlyList<GatewayRoute>> ListAsync(CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.GatewayRoutes.AsNoTracking().OrderBy(r => r.Name).ToListAsync(cancellationToken);
    }

    public async Task<GatewayRoute> GetAsync(Guid routeId, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.GatewayRoutes.AsNoTracking().SingleOrDefaultAsync(r => r.Id == routeId, cancellationToken)
            ?? throw new NotFoundException(AuditKind, routeId);
    }

    /// <summary>What a model name an application sends stands for: a route, a chat model, or nothing (see <see cref="GatewayDirectory"/>).</summary>
    public ValueTask<GatewayName> FindAsync(string name, CancellationToken cancellationToken) =>
        directory.FindAsync(team.TeamId, name, async token =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(token);
            var route = await db.GatewayRoutes.AsNoTracking().SingleOrDefaultAsync(r => r.Name == name, token);
            var model = route is null
                ? await db.Models.AsNoTracking().Where(m => m.Name == name && m.Kind == ModelKind.Chat).Select(m => (Guid?)m.Id).SingleOrDefaultAsync(token)
                : null;
            return route is null && model is null ? GatewayName.Unknown : new GatewayName(route, model);
        }, cancellationToken);

    public async Task<GatewayRoute> CreateAsync(GatewayRouteInput input, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Editor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var name = await CheckAsync(db, input, null, cancellationToken);
        var now = clock.GetUtcNow();
        var route = new GatewayRoute { Name = name, CreatedAt = now };
        Apply(route, input, now);
        db.GatewayRoutes.Add(route);
        audit.Record(db, team.TeamId, team.Actor, AuditAction.Created, AuditKind, route.Id, route.Name, await DescribeAsync(db, route, cancellationToken));
        await db.SaveUniqueAsync(e => NameTaken(name, e), cancellationToken);
        directory.Invalidate(team.TeamId);
        return route;
    }

    public async Task<GatewayRoute> UpdateAsync(Guid routeId, GatewayRouteInput input, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Editor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var route = await db.GatewayRoutes.SingleOrDefaultAsync(r => r.Id == routeId, cancellationToken) ?? throw new NotFoundException(AuditKind, routeId);
        route.Name = await CheckAsync(db, input, route.Id, cancellationToken);
        Apply(route, input, clock.GetUtcNow());
        audit.Record(db, team.TeamId, team.Actor, AuditAction.Updated, AuditKind, route.Id, route.Name, await DescribeAsync(db, route, cancellationToken));
        await db.SaveUniqueAsync(e => NameTaken(route.Name, e), cancellationToken);
        directory.Invalidate(team.TeamId);
        return route;
    }

    public async Task DeleteAsync(Guid routeId, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Editor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var route = await db.GatewayRoutes.SingleOrDefaultAsync(r => r.Id == routeId, cancellationToken) ?? throw new NotFoundException(AuditKind, routeId);
        db.GatewayRoutes.Remove(route);
        audit.Record(db, team.TeamId, team.Actor, AuditAction.Deleted, AuditKind, route.Id, route.Name, "deleted");
        await db.SaveChangesAsync(cancellationToken);
        directory.Invalidate(team.TeamId);
    }

    private static void Apply(GatewayRoute route, GatewayRouteInput input, DateTimeOffset now)
    {
        route.Targets = [.. input.Targets];
        route.Fallbacks = [.. input.Fallbacks];
        route.TimeoutSeconds = input.TimeoutSeconds;
        route.RetriesPerTarget = input.RetriesPerTarget;
        route.CacheSeconds = input.CacheSeconds;
        route.Guard = input.Guard;
        route.JsonSchema = input.Guard == RouteGuard.JsonSchema ? input.JsonSchema : null;
        route.UpdatedAt = now;
    }

    /// <summary>Checks the input against the team's models; answers the trimmed name.</summary>
    private async Task<string> CheckAsync(PortalDbContext db, GatewayRouteInput input, Guid? routeId, CancellationToken cancellationToken)
    {
        var name = input.Name?.Trim() ?? string.Empty;
        var chatModels = await db.Models.AsNoTracking().Where(m => m.Kind == ModelKind.Chat).Select(m => new { m.Id, m.Name }).ToListAsync(cancellationToken);
        var known = chatModels.Select(m => m.Id).ToHashSet();
        var validation = new Validation()
            .RequireText(name, "Name", MaxNameLength)
            .Require(!name.StartsWith(PromptPrefix, StringComparison.OrdinalIgnoreCase), "Name", $"Names starting '{PromptPrefix}' call prompts; choose another name.")
            .Require(!name.Any(char.IsWhiteSpace), "Name", "A route name has no spaces: applications send it as their model.")
            .Require(!chatModels.Any(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase)), "Name",
                $"The team has a model named '{name}'; a route of the same name would hide it. Choose another name.")
            .Require(input.Targets.Count is > 0 and <= MaxTargets, "Targets", $"A route sends its traffic to 1 to {MaxTargets} models.")
            .Require(input.Targets.All(t => t.Weight is >= 0 and <= MaxWeight), "Targets", $"Weights are between 0 and {MaxWeight}.")
            .Require(input.Targets.Count == 0 || input.Targets.Sum(t => t.Weight) > 0, "Targets", "At least one target needs a weight above 0.")
            .Require(input.Targets.Select(t => t.ModelId).Distinct().Count() == input.Targets.Count, "Targets", "Each model is a target once.")
            .Require(input.Targets.All(t => known.Contains(t.ModelId)), "Targets", "Every target must be one of the team's chat models.")
            .Require(input.Fallbacks.Count <= MaxFallbacks, "Fallbacks", $"A route has at most {MaxFallbacks} fallbacks.")
            .Require(input.Fallbacks.All(known.Contains), "Fallbacks", "Every fallback must be one of the team's chat models.")
            .Require(input.TimeoutSeconds is >= 1 and <= 600, "TimeoutSeconds", "The timeout of an attempt is between 1 and 600 seconds.")
            .Require(input.RetriesPerTarget is >= 0 and <= 3, "RetriesPerTarget", "Retries per target are between 0 and 3.")
            .Require(input.CacheSeconds is >= 0 and <= 86_400, "CacheSeconds", "Answers are cached for 0 (off) to 86,400 seconds.")
            .Require(input.Guard != RouteGuard.JsonSchema || !string.IsNullOrWhiteSpace(input.JsonSchema), "JsonSchema", "A JSON Schema guard needs a schema.")
            .Require(input.JsonSchema is null || input.JsonSchema.Length <= MaxSchemaLength, "JsonSchema", $"A schema is at most {MaxSchemaLength:N0} characters.");
        if (input.Guard == RouteGuard.JsonSchema && !string.IsNullOrWhiteSpace(input.JsonSchema) && AnswerGuard.SchemaProblem(input.JsonSchema) is { } problem)
        {
            validation.Require(false, "JsonSchema", $"The schema cannot be read: {problem}");
        }

        validation.ThrowIfInvalid();
        await db.GatewayRoutes.EnsureNameFreeAsync(name, routeId, () => NameTaken(name), cancellationToken);
        return name;
    }

    private static async Task<string> DescribeAsync(PortalDbContext db, GatewayRoute route, CancellationToken cancellationToken)
    {
        var ids = route.Targets.Select(t => t.ModelId).Concat(route.Fallbacks).ToList();
        var names = await db.Models.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, cancellationToken);
        var targets = string.Join(", ", route.Targets.Select(t => $"{names.GetValueOrDefault(t.ModelId, "?")} ×{t.Weight}"));
        var fallbacks = route.Fallbacks.Count == 0 ? "no fallbacks" : "fallbacks " + string.Join(" → ", route.Fallbacks.Select(f => names.GetValueOrDefault(f, "?")));
        return $"targets {targets}; {fallbacks}; timeout {route.TimeoutSeconds} s; cache {route.CacheSeconds} s; guard {route.Guard}";
    }

    private static ConflictException NameTaken(string name, Exception? inner = null) =>
        new($"The team already has a route named '{name}'. Choose another name.", inner);
}
