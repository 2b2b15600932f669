using AiNative.Services.Evaluation;
using AiNative.Services.Evaluation.Contexts;
using AiNative.Services.Evaluation.Definitions;
using AiNative.Services.Evaluation.Judges;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Teams;
using AiNative.Testing;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Tests.Evaluation;

public sealed class EvaluatorDefinitionsTests : IAsyncLifetime
{
    private ServicesHost _host = null!;

    private TeamScope _editor = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private EvaluatorDefinitions Definitions => _editor.Get<EvaluatorDefinitions>();

    public async ValueTask InitializeAsync()
    {
        _host = await ServicesHost.StartAsync();
        _editor = _host.InTeam(await _host.DemoTeamIdAsync(), TeamRole.Editor);
    }

    public async ValueTask DisposeAsync()
    {
        await _editor.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task A_change_of_settings_makes_a_new_version_and_old_versions_keep_their_meaning()
    {
        var created = await Definitions.CreateAsync(new EvaluatorInput("Polite", "No rudeness.", EvaluatorKind.NotContains, new EvaluatorSettings { Value = "stupid" }), Cancel);
        var renamed = await Definitions.UpdateAsync(created.Id, new EvaluatorInput("Polite answers", "No rudeness.", EvaluatorKind.NotContains, new EvaluatorSettings { Value = "stupid" }), Cancel);
        var changed = await Definitions.UpdateAsync(created.Id,
            new EvaluatorInput("Polite answers", null, EvaluatorKind.NotContains, new EvaluatorSettings { Value = "STUPID", IgnoreCase = true }), Cancel);

        Assert.Equal((1, "Polite answers"), (renamed.LatestVersion, renamed.Name));
        Assert.Equal([2, 1], changed.Versions.Select(v => v.Number));
        var first = await Definitions.GetVersionAsync(created.Id, 1, Cancel);
        var factory = _editor.Get<EvaluatorFactory>();
        Assert.True(await factory.Create(first, "Polite").PassesAsync("Stupid question!"));
        Assert.False(await factory.Create(changed.Versions[0], "Polite").PassesAsync("Stupid question!"));
        var listed = Assert.Single(await Definitions.ListAsync(Cancel));
        Assert.Equal(2, Assert.Single(listed.Versions).Number);
    }

    [Fact]
    public async Task Bad_settings_are_refused_with_the_field_named()
    {
        var badRegex = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            Definitions.CreateAsync(new EvaluatorInput("Ids", null, EvaluatorKind.Regex, new EvaluatorSettings { Pattern = "(unclosed" }), Cancel));
        var badSchema = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            Definitions.CreateAsync(new EvaluatorInput("Shape", null, EvaluatorKind.JsonSchema, new EvaluatorSettings { Schema = "{ not json" }), Cancel));
        var unknownKind = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            Definitions.CreateAsync(new EvaluatorInput("Odd", null, (EvaluatorKind)99, new EvaluatorSettings()), Cancel));
        var several = await Assert.ThrowsAsync<ValidationFailedException>(() => Definitions.CreateAsync(
            new EvaluatorInput(" ", null, EvaluatorKind.LengthInRange, new EvaluatorSettings { MinLength = 10, MaxLength = 5, Threshold = 0.5 }), Cancel));
        var foreignPrompt = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            Definitions.CreateAsync(new EvaluatorInput("Judge", null, EvaluatorKind.Judge, new EvaluatorSettings { PromptId = Guid.NewGuid(), Threshold = 7 }), Cancel));

        Assert.StartsWith("The pattern is not a valid regular expression", Assert.Single(badRegex.Errors["Settings.Pattern"]), StringComparison.Ordinal);
        Assert.StartsWith("The schema cannot be read", Assert.Single(badSchema.Errors["Settings.Schema"]), StringComparison.Ordinal);
        Assert.StartsWith("'99' is not an evaluator kind. Choose one of: ExactMatch, Contains", Assert.Single(unknownKind.Errors["Kind"]), StringComparison.Ordinal);
        Assert.Equal(["Name", "Settings.MaxLength", "Settings.Threshold"], several.Errors.Keys.Order());
        Assert.Equal(["Settings.PromptId", "Settings.Threshold"], foreignPrompt.Errors.Keys.Order());
        Assert.Empty(await Definitions.ListAsync(Cancel));
    }

    [Fact]
    public async Task Names_are_unique_in_a_team_viewers_cannot_change_definitions_and_other_teams_cannot_see_them()
    {
        var created = await Definitions.CreateAsync(new EvaluatorInput("Json", null, EvaluatorKind.ValidJson, new EvaluatorSettings()), Cancel);

        await Assert.ThrowsAsync<ConflictException>(() => Definitions.CreateAsync(new EvaluatorInput("JSON", null, EvaluatorKind.ValidJson, new EvaluatorSettings()), Cancel));
        await using var viewer = _host.InTeam(await _host.DemoTeamIdAsync(), TeamRole.Viewer);
        await Assert.ThrowsAsync<ForbiddenException>(() => viewer.Get<EvaluatorDefinitions>().DeleteAsync(created.Id, Cancel));
        await using var other = _host.InTeam(await _host.CreateTeamAsync("Other"), TeamRole.Owner);
        await Assert.ThrowsAsync<NotFoundException>(() => other.Get<EvaluatorDefinitions>().GetAsync(created.Id, Cancel));
        await Assert.ThrowsAsync<NotFoundException>(() => other.Get<EvaluatorDefinitions>().DeleteAsync(created.Id, Cancel));

        await Definitions.DeleteAsync(created.Id, Cancel);
        Assert.Empty(await Definitions.ListAsync(Cancel));
        await using var db = await _editor.DbAsync();
        Assert.Equal(["Created", "Deleted"], await db.AuditEntries.Where(e => e.ObjectKind == EvaluatorDefinitions.AuditKind)
            .OrderBy(e => e.At).Select(e => e.Action.ToString()).ToListAsync(Cancel));
    }

    [Fact]
    public async Task A_judge_definition_follows_the_seeded_rubric_and_every_kind_builds_an_evaluator()
    {
        await using var db = await _editor.DbAsync();
        var rubricId = await db.Prompts.Where(p => p.Name == RubricPrompts.Quality.Name).Select(p => p.Id).SingleAsync(Cancel);
        var judge = await Definitions.CreateAsync(
            new EvaluatorInput("Quality", null, EvaluatorKind.Judge, new EvaluatorSettings { PromptId = rubricId, PromptLabel = "production", Threshold = 3 }), Cancel);

        var evaluator = _editor.Get<EvaluatorFactory>().Create(judge.Versions[0], judge.Name);

        Assert.Equal(["Quality"], evaluator.EvaluationMetricNames);

        // The offline model cannot answer a JSON Schema: the judge says so as an error instead of scoring.
        var metric = await evaluator.ScoreAsync("Paris.", new ExpectedOutputContext("Paris"));
        Assert.True(EvaluatorMetrics.IsError(metric));
        Assert.StartsWith("The judge's answer", metric.Reason, StringComparison.Ordinal);
    }
}
