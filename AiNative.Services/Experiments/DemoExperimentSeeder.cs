using AiNative.Services.Data;
using AiNative.Services.Datasets;
using AiNative.Services.Evaluation.Definitions;
using AiNative.Services.Experiments.Running;
using AiNative.Services.Models;
using AiNative.Services.Models.Offline;
using AiNative.Services.Platform.Seeding;
using AiNative.Services.Prompts;
using AiNative.Services.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AiNative.Services.Experiments;

/// <summary>
/// Gives the demo team three deterministic evaluators and the demo experiment (<see cref="DemoExperiment"/>) with its
/// cells queued, for the runner to finish on the offline model. Off when <c>Portal:Experiments:SeedDemoExperiment</c>
/// is false (the test suites turn it off, so that their demo team has no traces they did not make).
/// </summary>
internal sealed class DemoExperimentSeeder(TeamContext team, TimeProvider clock, IOptions<ExperimentOptions> options) : IPortalSeeder
{
    public string Name => "experiments.demo-experiment";

    // After the demo prompt (20) and the demo dataset (60), which it runs.
    public int Order => 70;

    public async Task SeedAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        if (!options.Value.SeedDemoExperiment || !await DemoTeam.EnterAsync(db, team, cancellationToken))
        {
            return;
        }

        var model = await db.Models.AsNoTracking().SingleOrDefaultAsync(m => m.Name == OfflineModels.ChatModelId && m.Kind == ModelKind.Chat, cancellationToken);
        var versions = await db.PromptVersions.AsNoTracking().Where(v => v.Prompt.Name == DemoPrompt.Name && v.Number <= 2)
            .Include(v => v.Prompt).OrderBy(v => v.Number).ToListAsync(cancellationToken);
        var dataset = await db.Datasets.AsNoTracking().SingleOrDefaultAsync(d => d.Name == DemoDataset.Name && d.CurrentVersion >= 1, cancellationToken);
        if (model is null || versions.Count < 2 || dataset is null || await db.Experiments.AnyAsync(e => e.Name == DemoExperiment.Name, cancellationToken))
        {
            // The demo data it needs was deleted or changed before this seeder ran.
            return;
        }

        var now = clock.GetUtcNow();
        var items = await db.DatasetItems.AsNoTracking().Where(i => i.DatasetId == dataset.Id && i.ValidFrom <= 1 && (i.ValidTo == null || i.ValidTo > 1))
            .OrderBy(i => i.Position).ToListAsync(cancellationToken);
        var experiment = new Experiment
        {
            Name = DemoExperiment.Name,
            Description = DemoExperiment.Description,
            DatasetId = dataset.Id,
            DatasetName = dataset.Name,
            DatasetVersion = 1,
            ItemCount = items.Count,
            Evaluators = [.. await EvaluatorsAsync(db, now, cancellationToken)],
            EstimatedCalls = items.Count * versions.Count,
            Status = ExperimentStatus.Running,
            CellCount = items.Count * versions.Count,
            CreatedAt = now,
            CreatedBy = Actor.System.Name,
            StartedBy = Actor.System.Name,
            RunStartedAt = now,
        };
        experiment.Variants.AddRange(versions.Select((v, i) => new ExperimentVariant
        {
            ExperimentId = experiment.Id,
            Position = i,
            Name = $"{v.Prompt.Name} v{v.Number} · {model.Name}",
            IsBaseline = i == 0,
            PromptId = v.PromptId,
            PromptName = v.Prompt.Name,
            PromptVersion = v.Number,
            PromptLabel = i == 0 ? LabelNames.Production : LabelNames.Staging,
            ModelId = model.Id,
            ModelName = model.Name,
            ProviderId = model.ProviderId,
            Settings = v.Settings,
        }));
        db.Experiments.Add(experiment);
        db.ExperimentCells.AddRange(items.SelectMany(item => experiment.Variants.Select(v => new ExperimentCell
        {
            ExperimentId = experiment.Id,
            VariantId = v.Id,
            VariantPosition = v.Position,
            IsBaseline = v.IsBaseline,
            ProviderId = v.ProviderId,
            ItemId = item.ItemId,
            ItemPosition = item.Position,
            AvailableAt = now,
        })));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The demo evaluators, created unless the team has them by name already, pinned at their latest versions.</summary>
    private static async Task<List<PinnedEvaluator>> EvaluatorsAsync(PortalDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var pinned = new List<PinnedEvaluator>();
        foreach (var (name, description, kind, settings) in DemoExperiment.Evaluators)
        {
            var existing = await db.EvaluatorVersions.AsNoTracking().Include(v => v.Definition)
                .Where(v => v.Definition.Name == name && v.Number == v.Definition.LatestVersion).SingleOrDefaultAsync(cancellationToken);
            if (existing is not null)
            {
                pinned.Add(new PinnedEvaluator(existing.DefinitionId, existing.Definition.Name, existing.Number, existing.Kind, existing.Settings));
                continue;
            }

            var definition = new EvaluatorDefinition { Name = name, Description = description, LatestVersion = 1, CreatedAt = now, UpdatedAt = now };
            definition.Versions.Add(new EvaluatorVersion
            {
                Definition = definition,
                DefinitionId = definition.Id,
                Number = 1,
                Kind = kind,
                Settings = settings,
                CreatedAt = now,
                CreatedBy = Actor.System.Name,
            });
            db.EvaluatorDefinitions.Add(definition);
            pinned.Add(new PinnedEvaluator(definition.Id, name, 1, kind, settings));
        }

        return pinned;
    }
}
