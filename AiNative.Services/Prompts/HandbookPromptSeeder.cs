using AiNative.Services.Data;
using AiNative.Services.Knowledge;
using AiNative.Services.Models.Offline;
using AiNative.Services.Platform.Seeding;
using AiNative.Services.Prompts.Retrieval;
using AiNative.Services.Teams;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Prompts;

/// <summary>
/// Gives the demo team the "Handbook answer" prompt on the offline chat model, whose version fills its
/// context from the seeded handbook base, with production pointing at it.
/// </summary>
internal sealed class HandbookPromptSeeder(TeamContext team, TimeProvider clock) : IPortalSeeder
{
    public string Name => "prompts.handbook-answer";

    // After the handbook base (30), which its version searches.
    public int Order => 40;

    public async Task SeedAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        if (!await DemoTeam.EnterAsync(db, team, cancellationToken))
        {
            return;
        }

        // A portal upgraded after its team deleted the handbook, or named a prompt alike, is left as it is.
        var handbook = await db.KnowledgeBases.Where(b => b.Name == HandbookDocuments.BaseName)
            .Select(b => new { b.Id, b.Name }).SingleOrDefaultAsync(cancellationToken);
        if (handbook is null || await db.Prompts.AnyAsync(p => p.Name == HandbookPrompt.Name, cancellationToken))
        {
            return;
        }

        var modelId = await db.Models.Where(m => m.Name == OfflineModels.ChatModelId).Select(m => (Guid?)m.Id).SingleOrDefaultAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var prompt = new Prompt { Name = HandbookPrompt.Name, Description = HandbookPrompt.Description, CreatedAt = now, UpdatedAt = now };
        var version = new PromptVersion
        {
            Prompt = prompt,
            Number = 1,
            SystemTemplate = HandbookPrompt.SystemTemplate,
            UserTemplate = HandbookPrompt.UserTemplate,
            Variables = HandbookPrompt.Variables(),
            ModelId = modelId,
            Settings = HandbookPrompt.Settings,
            Retrieval = new RetrievalSettings { KnowledgeBaseId = handbook.Id, KnowledgeBaseName = handbook.Name },
            CommitMessage = HandbookPrompt.CommitMessage,
            CreatedAt = now,
            CreatedBy = Actor.System.Name,
        };
        db.Prompts.Add(prompt);
        db.PromptVersions.Add(version);
        db.PromptLabels.Add(new PromptLabel { Prompt = prompt, Name = LabelNames.Production, Version = version, UpdatedAt = now });
        await db.SaveChangesAsync(cancellationToken);
    }
}
