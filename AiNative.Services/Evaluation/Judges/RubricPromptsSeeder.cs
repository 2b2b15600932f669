using AiNative.Services.Data;
using AiNative.Services.Models.Offline;
using AiNative.Services.Platform.Seeding;
using AiNative.Services.Prompts;
using AiNative.Services.Teams;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Evaluation.Judges;

/// <summary>Gives the demo team the default judge rubrics (<see cref="RubricPrompts"/>) on the offline chat model, production pointing at version 1.</summary>
internal sealed class RubricPromptsSeeder(TeamContext team, TimeProvider clock) : IPortalSeeder
{
    public string Name => "evaluation.judge-rubrics";

    // After the offline models (10), whose chat model the versions name.
    public int Order => 45;

    public async Task SeedAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        if (!await DemoTeam.EnterAsync(db, team, cancellationToken))
        {
            return;
        }

        var modelId = await db.Models.Where(m => m.Name == OfflineModels.ChatModelId).Select(m => (Guid?)m.Id).SingleOrDefaultAsync(cancellationToken);
        var names = RubricPrompts.All.Select(r => r.Name).ToList();
        var taken = await db.Prompts.Where(p => names.Contains(p.Name)).Select(p => p.Name).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var rubric in RubricPrompts.All.Where(r => !taken.Contains(r.Name)))
        {
            var prompt = new Prompt { Name = rubric.Name, Description = rubric.Description, CreatedAt = now, UpdatedAt = now };
            var version = new PromptVersion
            {
                Prompt = prompt,
                Number = 1,
                SystemTemplate = rubric.SystemTemplate,
                UserTemplate = rubric.UserTemplate,
                Variables = [.. rubric.Variables],
                ModelId = modelId,
                Settings = RubricPrompts.Settings,
                CommitMessage = RubricPrompts.CommitMessage,
                CreatedAt = now,
                CreatedBy = Actor.System.Name,
            };
            db.Prompts.Add(prompt);
            db.PromptVersions.Add(version);
            db.PromptLabels.Add(new PromptLabel { Prompt = prompt, Name = LabelNames.Production, Version = version, UpdatedAt = now });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
