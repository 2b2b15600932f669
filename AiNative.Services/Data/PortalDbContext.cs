using System.Linq.Expressions;
using AiNative.Services.Evaluation.Definitions;
using AiNative.Services.Datasets;
using AiNative.Services.Experiments;
using AiNative.Services.Experiments.Results;
using AiNative.Services.Gateway.Keys;
using AiNative.Services.Gateway.Routes;
using AiNative.Services.Knowledge;
using AiNative.Services.Models;
using AiNative.Services.Platform.AccessTokens;
using AiNative.Services.Platform.Audit;
using AiNative.Services.Platform.Jobs;
using AiNative.Services.Platform.RateLimits;
using AiNative.Services.Platform.Seeding;
using AiNative.Services.Prompts;
using AiNative.Services.Teams;
using AiNative.Services.Traces;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Data;

/// <summary>
/// The portal's database. Every <see cref="ITeamOwned"/> entity is filtered by the current team
/// and stamped with it on insert.
/// </summary>
/// <remarks>
/// Add a migration from the repository root with
/// <c>dotnet tool restore &amp;&amp; dotnet ef migrations add &lt;Name&gt; --project AiNative.Services --output-dir Data/Migrations</c>.
/// Entity configurations live beside their entities (one <c>IEntityTypeConfiguration</c> per entity).
/// </remarks>
public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options, TeamContext team)
    : IdentityDbContext<PortalUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public const string TeamFilter = "team";

    public DbSet<Team> Teams => Set<Team>();

    public DbSet<TeamMembership> TeamMemberships => Set<TeamMembership>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();

    public DbSet<SeedRecord> SeedRecords => Set<SeedRecord>();

    public DbSet<DataProtectionKey> DataProtectionKeys { get; set; } = null!;

    public DbSet<ModelProvider> ModelProviders => Set<ModelProvider>();

    public DbSet<ModelDefinition> Models => Set<ModelDefinition>();


    public DbSet<Prompt> Prompts => Set<Prompt>();

    public DbSet<PromptVersion> PromptVersions => Set<PromptVersion>();

    public DbSet<PromptLabel> PromptLabels => Set<PromptLabel>();
    public DbSet<Job> Jobs => Set<Job>();
    public DbSet<KnowledgeBase> KnowledgeBases => Set<KnowledgeBase>();
    public DbSet<KnowledgeDocument> KnowledgeDocuments => Set<KnowledgeDocument>();
    public DbSet<DocumentTag> DocumentTags => Set<DocumentTag>();
    public DbSet<KnowledgeChunk> KnowledgeChunks => Set<KnowledgeChunk>();

    public DbSet<Trace> Traces => Set<Trace>();

    public DbSet<Observation> Observations => Set<Observation>();

    public DbSet<Score> Scores => Set<Score>();

    public DbSet<ScoreDefinition> ScoreDefinitions => Set<ScoreDefinition>();

    public DbSet<RateWindow> RateWindows => Set<RateWindow>();

    public DbSet<GatewayKey> GatewayKeys => Set<GatewayKey>();

    public DbSet<GatewayRoute> GatewayRoutes => Set<GatewayRoute>();

    public DbSet<EvaluatorDefinition> EvaluatorDefinitions => Set<EvaluatorDefinition>();

    public DbSet<EvaluatorVersion> EvaluatorVersions => Set<EvaluatorVersion>();

    public DbSet<Dataset> Datasets => Set<Dataset>();

    public DbSet<DatasetVersion> DatasetVersions => Set<DatasetVersion>();

    public DbSet<DatasetItem> DatasetItems => Set<DatasetItem>();

    public DbSet<Experiment> Experiments => Set<Experiment>();

    public DbSet<ExperimentVariant> ExperimentVariants => Set<ExperimentVariant>();

    public DbSet<ExperimentCell> ExperimentCells => Set<ExperimentCell>();

    public DbSet<KeptSummary> KeptSummaries => Set<KeptSummary>();

    /// <summary>Read by the query filters on every query, so it follows the scope's team.</summary>
    private Guid CurrentTeamId => team.TeamIdOrEmpty;

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampTeam();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampTeam();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);

        foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(ITeamOwned).IsAssignableFrom(e.ClrType) && e.BaseType is null))
        {
            var parameter = Expression.Parameter(entity.ClrType, "e");
            var filter = Expression.Lambda(
                Expression.Equal(
                    Expression.Property(parameter, nameof(ITeamOwned.TeamId)),
                    Expression.Property(Expression.Constant(this), nameof(CurrentTeamId))),
                parameter);
            builder.Entity(entity.ClrType).HasQueryFilter(TeamFilter, filter);

            // Everything a team owns goes with it when an administrator deletes the team.
            builder.Entity(entity.ClrType).HasOne(typeof(Team)).WithMany().HasForeignKey(nameof(ITeamOwned.TeamId)).OnDelete(DeleteBehavior.Cascade);
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or order DateTimeOffset and decimal values as stored by default; as
        // UTC ticks and whole fractions of a dollar (Money) it can, exactly, and the model stays portable.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
            configurationBuilder.Properties<decimal>().HaveConversion<MoneyAsIntegerConverter>();
        }
        else if (Database.IsNpgsql())
        {
            // timestamptz takes UTC offsets only; a time given with another offset (an ingested trace's)
            // is kept as the same instant in UTC.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
        }
    }

    private void StampTeam()
    {
        foreach (var entry in ChangeTracker.Entries<ITeamOwned>())
        {
            if (entry.State == EntityState.Added && entry.Entity.TeamId == Guid.Empty)
            {
                entry.Entity.TeamId = team.TeamId;
            }
            else if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && team.IsEntered && entry.Entity.TeamId != team.TeamId)
            {
                throw new InvalidOperationException("An entity of another team cannot be changed in this scope.");
            }
        }
    }
}
