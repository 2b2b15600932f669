using AiNative.Services.Data;
using AiNative.Services.Models.Offline;
using AiNative.Services.Platform.Seeding;
using AiNative.Services.Teams;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Prompts;

/// <summary>
/// Gives the demo team a prompt with two versions on the offline chat model, production on the
/// first and staging on the second, so the prompt pages and the playground have something to show.
/// </summary>
internal sealed class PromptsSeeder(TeamContext team, TimeProvider clock) : IPortalSeeder
{
    public string Name => "prompts.demo-prompt";

    // After the offline models (10), whose chat model the versions use.
    public int Order => 20;

    public async Task SeedAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        if (!await DemoTeam.EnterAsync(db, team, cancellationToken))
        {
            return;
        }

        var modelId = await db.Models.Where(m => m.Name == OfflineModels.ChatModelId).Select(m => (Guid?)m.Id).SingleOrDefaultAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var prompt = new Prompt { Name = DemoPrompt.Name, Description = DemoPrompt.Description, CreatedAt = now, UpdatedAt = now };
        var first = Version(prompt, 1, DemoPrompt.FirstSystemTemplate, modelId, "First version: answer from the context.", now);
        var second = Version(prompt, 2, DemoPrompt.SecondSystemTemplate, modelId, "Keep answers short and admit when the context has no answer.", now);
        db.Prompts.Add(prompt);
        db.PromptVersions.AddRange(first, second);
        db.PromptLabels.AddRange(
            new PromptLabel { Prompt = prompt, Name = LabelNames.Production, Version = first, UpdatedAt = now },
            new PromptLabel { Prompt = prompt, Name = LabelNames.Staging, Version = second, UpdatedAt = now });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static PromptVersion Version(Prompt prompt, int number, string systemTemplate, Guid? modelId, string commitMessage, DateTimeOffset now) => new()
    {
        Prompt = prompt,
        Number = number,
        SystemTemplate = systemTemplate,
        UserTemplate = DemoPrompt.UserTemplate,
        Variables = DemoPrompt.Variables(),
        ModelId = modelId,
        Settings = number == 1 ? DemoPrompt.FirstSettings : DemoPrompt.SecondSettings,
        CommitMessage = commitMessage,
        CreatedAt = now,
        CreatedBy = Actor.System.Name,
    };
}
