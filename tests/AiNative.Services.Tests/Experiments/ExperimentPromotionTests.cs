using AiNative.Services.Evaluation.Definitions;
using AiNative.Services.Experiments;
using AiNative.Services.Experiments.Results;
using AiNative.Services.Platform.Audit;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Prompts;
using AiNative.Services.Teams;
using AiNative.Testing;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Tests.Experiments;

public sealed class ExperimentPromotionTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Promoting_a_variant_moves_production_to_its_version_in_the_audit_trail_and_says_where_it_pointed_before()
    {
        await using var host = await ServicesHost.StartAsync();
        var teamId = await host.DemoTeamIdAsync();
        await using var scope = host.InTeam(teamId);
        var (experiment, promptId) = await ExperimentAsync(scope);
        await scope.Get<PromptLabels>().MoveAsync(promptId, ExperimentPromotion.DefaultLabel, 1, Cancel);
        var challenger = experiment.Variants.Single(v => v.PromptVersion == 2);

        var promotion = await scope.Get<ExperimentPromotion>().PromoteAsync(experiment.Id, challenger.Id, null, Cancel);
        var fresh = await scope.Get<ExperimentPromotion>().PromoteAsync(experiment.Id, challenger.Id, "staging", Cancel);

        Assert.Equal(("production", 1, 2), (promotion.Label, promotion.PreviousVersion, promotion.Version));
        Assert.Equal(("staging", (int?)null), (fresh.Label, fresh.PreviousVersion));
        await using var db = await scope.DbAsync();
        Assert.Contains(await db.AuditEntries.Where(a => a.ObjectKind == PromptLabels.AuditKind).Select(a => a.Summary).ToListAsync(Cancel), d => d == "moved from v1 to v2");
    }

    [Fact]
    public async Task A_viewer_may_not_promote_and_a_variant_of_another_experiment_is_not_found()
    {
        await using var host = await ServicesHost.StartAsync();
        var teamId = await host.DemoTeamIdAsync();
        await using var scope = host.InTeam(teamId);
        var (experiment, _) = await ExperimentAsync(scope);
        await using var viewer = host.InTeam(teamId, TeamRole.Viewer);

        await Assert.ThrowsAsync<ForbiddenException>(() => viewer.Get<ExperimentPromotion>().PromoteAsync(experiment.Id, experiment.Variants[1].Id, null, Cancel));
        await Assert.ThrowsAsync<NotFoundException>(() => scope.Get<ExperimentPromotion>().PromoteAsync(Guid.NewGuid(), experiment.Variants[1].Id, null, Cancel));
        var badName = await Assert.ThrowsAsync<ValidationFailedException>(() => scope.Get<ExperimentPromotion>().PromoteAsync(experiment.Id, experiment.Variants[1].Id, "no spaces allowed", Cancel));
        Assert.Contains("Name", badName.Errors.Keys);
    }

    private static async Task<(Experiment Experiment, Guid PromptId)> ExperimentAsync(TeamScope scope)
    {
        var model = await scope.AddOpenAiCompatibleModelAsync("http://127.0.0.1:9/v1", FakeOpenAiServer.ChatModel);
        var promptId = await scope.PromptAsync(model.Id, "Right.", "Better.");
        var dataset = await scope.QuestionsAsync(("q1", "a1"));
        var exact = await scope.EvaluatorAsync("exact", EvaluatorKind.ExactMatch);
        return (await scope.Get<ExperimentRegistry>().CreateAsync(ExperimentArrangements.Input(dataset.Id, promptId, null, exact), Cancel), promptId);
    }
}
