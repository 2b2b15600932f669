using AiNative.Services.Data;
using AiNative.Services.Models;
using AiNative.Services.Platform.Audit;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Teams;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Gateway.Routes;

/// <summary>The team's gateway routes: editors save and delete them, the gateway reads them for every request.</summary>
public sealed class GatewayRoutes(
    IDbContextFactory<PortalDbContext> dbFactory, TeamContext team, AuditTrail audit, GatewayDirectory directory, PromptTargets prompts, TimeProvider clock)
{
    public const string AuditKind = "Gateway route";

    public const int MaxNameLength = 100;

    public const int MaxTargets = 10;

    public const int MaxFallbacks = 5;

    public const int MaxWeight = 1000;

    public const int DefaultTimeoutSeconds = 60;

    public const int MaxSchemaLength = 20_000;

    /// <summary>Model names that start so are prompts (<c>prompt:name@label</c>), never routes.</summary>
    public const string PromptPrefix = PromptReference.Prefix;

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
        var (name, targets) = await CheckAsync(db, input, null, cancellationToken);
        var now = clock.GetUtcNow();
        var route = new GatewayRoute { Name = name, CreatedAt = now };
        Apply(route, input, targets, now);
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
        (route.Name, var targets) = await CheckAsync(db, input, route.Id, cancellationToken);
        Apply(route, input, targets, clock.GetUtcNow());
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

    private static void Apply(GatewayRoute route, GatewayRouteInput input, List<RouteTarget> targets, DateTimeOffset now)
    {
        route.Targets = targets;
        route.Fallbacks = [.. input.Fallbacks];
        route.TimeoutSeconds = input.TimeoutSeconds;
        route.RetriesPerTarget = input.RetriesPerTarget;
        route.CacheSeconds = input.CacheSeconds;
        route.Guard = input.Guard;
        route.JsonSchema = input.Guard == RouteGuard.JsonSchema ? input.JsonSchema : null;
        route.UpdatedAt = now;
    }

    /// <summary>Checks the input against the team's models and prompts; answers the trimmed name and the targets as saved.</summary>
    private async Task<(string Name, List<RouteTarget> Targets)> CheckAsync(PortalDbContext db, GatewayRouteInput input, Guid? routeId, CancellationToken cancellationToken)
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
            .Require(input.Targets.Count is > 0 and <= MaxTargets, "Targets", $"A route sends its traffic to 1 to {MaxTargets} targets (models or prompts).")
            .Require(input.Targets.All(t => t.Weight is >= 0 and <= MaxWeight), "Targets", $"Weights are between 0 and {MaxWeight}.")
            .Require(input.Targets.Count == 0 || input.Targets.Sum(t => t.Weight) > 0, "Targets", "At least one target needs a weight above 0.")
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

        var targets = new List<RouteTarget>();
        foreach (var target in input.Targets)
        {
            if (await CheckTargetAsync(target, known, cancellationToken) is { } targetProblem)
            {
                validation.Require(false, "Targets", targetProblem);
            }
            else
            {
                targets.Add(target.Prompt is null ? target : target with { Prompt = PromptReference.Parse(target.Prompt, out _)!.ToString() });
            }
        }

        validation.Require(targets.Select(t => (t.ModelId, t.Prompt)).Distinct().Count() == targets.Count || targets.Count < input.Targets.Count, "Targets", "Each model or prompt is a target once.");
        validation.ThrowIfInvalid();
        await db.GatewayRoutes.EnsureNameFreeAsync(name, routeId, () => NameTaken(name), cancellationToken);
        return (name, targets);
    }

    /// <summary>Why a target cannot be saved, naming it; null when it can. A prompt must exist in the team with the label or version named.</summary>
    private async Task<string?> CheckTargetAsync(RouteTarget target, HashSet<Guid> chatModels, CancellationToken cancellationToken)
    {
        if (target.Prompt is null)
        {
            return target.ModelId is { } id && chatModels.Contains(id) ? null : "Every model target must be one of the team's chat models.";
        }

        if (target.ModelId is not null)
        {
            return $"Target '{target.Prompt}' names a model too: a target is a model or a prompt, not both.";
        }

        if (PromptReference.Parse(target.Prompt, out var invalid) is not { } reference)
        {
            return $"Target '{target.Prompt}': {invalid}";
        }

        var (version, problem) = await prompts.FindAsync(reference, cancellationToken);
        return problem is not null ? $"Target '{target.Prompt}': {problem}."
            : !chatModels.Contains(version!.ModelId!.Value) ? $"Target '{target.Prompt}': prompt '{reference.Name}' version {version.Number} does not run on a chat model of the team."
            : null;
    }

    private static async Task<string> DescribeAsync(PortalDbContext db, GatewayRoute route, CancellationToken cancellationToken)
    {
        var ids = route.Targets.Select(t => t.ModelId ?? Guid.Empty).Concat(route.Fallbacks).ToList();
        var names = await db.Models.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, cancellationToken);
        var targets = string.Join(", ", route.Targets.Select(t => $"{t.Prompt ?? names.GetValueOrDefault(t.ModelId ?? Guid.Empty, "?")} ×{t.Weight}"));
        var fallbacks = route.Fallbacks.Count == 0 ? "no fallbacks" : "fallbacks " + string.Join(" → ", route.Fallbacks.Select(f => names.GetValueOrDefault(f, "?")));
        return $"targets {targets}; {fallbacks}; timeout {route.TimeoutSeconds} s; cache {route.CacheSeconds} s; guard {route.Guard}";
    }

    private static ConflictException NameTaken(string name, Exception? inner = null) =>
        new($"The team already has a route named '{name}'. Choose another name.", inner);
}
