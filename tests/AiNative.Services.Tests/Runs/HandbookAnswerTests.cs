using AiNative.Services.Knowledge;
using AiNative.Services.Models.Offline;
using AiNative.Services.Prompts;
using AiNative.Services.Execution;
using AiNative.Services.Teams;
using AiNative.Services.Traces;
using AiNative.Services.Tests.Knowledge;
using AiNative.Testing;

namespace AiNative.Services.Tests.Runs;

public sealed class HandbookAnswerTests
{
    [Fact]
    public async Task The_seeded_handbook_answer_prompt_answers_from_the_handbook_with_the_offline_model()
    {
        await using var host = await ServicesHost.StartAsync();
        await using var scope = host.InTeam(await host.DemoTeamIdAsync(), TeamRole.Viewer);
        var documents = await scope.AllSettledAsync(HandbookDocuments.BaseName);
        var summary = Assert.Single(await scope.Get<PromptRegistry>().ListAsync(TestContext.Current.CancellationToken), p => p.Name == HandbookPrompt.Name);
        var version = await scope.Get<PromptVersions>().GetAsync(summary.Id, 1, TestContext.Current.CancellationToken);

        var run = await scope.RunToEndAsync(new RunRequest { ModelId = version.ModelId!.Value, PromptId = summary.Id, PromptVersion = 1 });

        Assert.All(documents, d => Assert.Equal(DocumentStatus.Ready, d.Status));
        Assert.Equal([new LabelPointer(LabelNames.Production, 1)], summary.Labels);
        Assert.Equal((OfflineModels.ChatModelId, HandbookDocuments.BaseName), (version.Model?.Name, version.Retrieval?.KnowledgeBaseName));
        Assert.Equal(TraceStatus.Succeeded, run.Trace.Status);
        Assert.StartsWith("Provider API keys are encrypted at rest and never shown again after they are saved [1].", run.Trace.Output);
        var retrieve = run.Observations.Single(s => s.Name == ObservationNames.Retrieve);
        Assert.Equal(HandbookPrompt.DefaultQuestion, retrieve.Input);
        Assert.Equal("models.md", retrieve.Hits[0].DocumentName);
        Assert.Contains("[1] (models.md", run.Messages.Single(m => m.Role == "system").Content);
    }
}
