using System.Text.Json.Nodes;
using AiNative.Services.Data;
using AiNative.Services.Datasets;
using AiNative.Services.Experiments;
using AiNative.Services.Experiments.Planning;
using AiNative.Services.Models;
using AiNative.Services.Prompts;
using AiNative.Services.Teams;
using AiNative.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Portal.Tests.Experiments;

/// <summary>An experiment (a draft) with a dataset, a prompt and an offline model of its own, all named <c>name</c>, in any team.</summary>
internal static class OwnExperiments
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static async Task<Guid> CreateAsync(PortalFactory portal, Guid teamId, string name)
    {
        using var scope = portal.Services.CreateScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<TeamContext>().Enter(TeamAccess.ForSystem(teamId, name));
        var dataset = await services.GetRequiredService<DatasetRegistry>().CreateAsync(name, null, Cancel);
        await services.GetRequiredService<DatasetItems>().AddAsync(dataset.Id, new ItemContent { Variables = new JsonObject { ["question"] = "q" } }, Cancel);
        var prompt = await services.GetRequiredService<PromptRegistry>().CreateAsync(name, null, Cancel);
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(Cancel);
        var provider = new ModelProvider { Name = name, Kind = ProviderKind.Offline };
        var chat = new ModelDefinition { Provider = provider, Name = $"{name.ToLowerInvariant().Replace(' ', '-')}-chat", ProviderModelId = "offline-chat", Kind = ModelKind.Chat };
        db.Models.Add(chat);
        await db.SaveChangesAsync(Cancel);
        var versions = services.GetRequiredService<PromptVersions>();
        foreach (var system in new[] { "One", "Two" })
        {
            await versions.CreateAsync(prompt.Id, new NewPromptVersion(system, "{{$question}}", [], chat.Id, new GenerationSettings(), "v"), Cancel);
        }

        var experiment = await services.GetRequiredService<ExperimentRegistry>().CreateAsync(new ExperimentInput
        {
            Name = name,
            DatasetId = dataset.Id,
            Variants = [new VariantInput { PromptId = prompt.Id, PromptVersion = 1 }, new VariantInput { PromptId = prompt.Id, PromptVersion = 2 }],
        }, Cancel);
        return experiment.Id;
    }
}
