using AiNative.Services.Platform.Errors;
using AiNative.Services.Teams;
using AiNative.Services.Traces;
using AiNative.Services.Traces.Scoring;
using AiNative.Testing;

namespace AiNative.Services.Tests.Traces;

public sealed class TraceScoresTests : IAsyncLifetime
{
    private ServicesHost _host = null!;
    private TeamScope _scope = null!;
    private Guid _traceId;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await ServicesHost.StartAsync();
        _scope = _host.InTeam(await _host.DemoTeamIdAsync(), TeamRole.Editor);
        var trace = await _scope.Get<TraceRecorder>().StartAsync(TraceSource.Api, "answer", Cancel);
        await trace.EndAsync(TraceStatus.Succeeded);
        _traceId = trace.Id;
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Scores_of_each_type_are_kept_in_their_stored_form_with_their_author_right_after_the_trace_ended()
    {
        var numeric = await Scores.AddAsync(_traceId, new ScoreInput { Name = "helpfulness", Value = 4, Comment = " Clear. " }, ScoreSource.Human, Cancel);
        var boolean = await Scores.AddAsync(_traceId, new ScoreInput { Name = "correct", StringValue = "TRUE" }, ScoreSource.Api, Cancel);
        var category = await Scores.AddAsync(_traceId, new ScoreInput { Name = "user-feedback", StringValue = "Negative" }, ScoreSource.Api, Cancel);

        Assert.Equal((4.0, null, "Clear.", "Test User"), (numeric.NumericValue, numeric.StringValue, numeric.Comment, numeric.AuthorName));
        Assert.Equal((1.0, "true", ScoreSource.Api), (boolean.NumericValue, boolean.StringValue, boolean.Source));
        Assert.Equal((null, "negative"), (category.NumericValue, category.StringValue));
        Assert.Equal(["helpfulness", "correct", "user-feedback"], (await Scores.ListAsync(_traceId, Cancel)).Select(s => s.Name));
    }

    [Theory]
    [InlineData("helpfulness", 9.0, null, "outside the range of 'helpfulness' from 1 to 5")]
    [InlineData("helpfulness", null, "four", "'helpfulness' is a numeric score")]
    [InlineData("correct", 0.5, null, "'correct' is a yes/no score")]
    [InlineData("user-feedback", null, "meh", "give one of 'positive', 'negative'")]
    public async Task A_value_of_the_wrong_type_or_range_names_what_the_score_takes(string name, double? value, string? text, string message)
    {
        var error = await Assert.ThrowsAsync<ValidationFailedException>(
            () => Scores.AddAsync(_traceId, new ScoreInput { Name = name, Value = value, StringValue = text }, ScoreSource.Api, Cancel));

        Assert.Contains(message, error.Errors["Value"].Single());
    }

    [Fact]
    public async Task An_unknown_score_name_says_how_to_define_it()
    {
        var error = await Assert.ThrowsAsync<ValidationFailedException>(
            () => Scores.AddAsync(_traceId, new ScoreInput { Name = "tone", Value = 1 }, ScoreSource.Api, Cancel));

        Assert.Contains("Define it first", error.Errors["Name"].Single());
    }

    [Fact]
    public async Task A_trace_that_does_not_exist_or_is_another_teams_is_not_found()
    {
        Guid theirs;
        await using (var other = _host.InTeam(await _host.CreateTeamAsync("Other")))
        {
            var trace = await other.Get<TraceRecorder>().StartAsync(TraceSource.Api, "secret", Cancel);
            await trace.EndAsync(TraceStatus.Succeeded);
            theirs = trace.Id;
        }

        await Assert.ThrowsAsync<NotFoundException>(() => Scores.AddAsync(theirs, new ScoreInput { Name = "correct", Value = 1 }, ScoreSource.Api, Cancel));
        await Assert.ThrowsAsync<NotFoundException>(() => Scores.AddAsync(Guid.NewGuid(), new ScoreInput { Name = "correct", Value = 1 }, ScoreSource.Api, Cancel));
    }

    [Fact]
    public async Task A_viewer_may_read_scores_but_not_give_them()
    {
        await using var viewer = _host.InTeam(await _host.DemoTeamIdAsync(), TeamRole.Viewer);

        await Assert.ThrowsAsync<ForbiddenException>(
            () => viewer.Get<TraceScores>().AddAsync(_traceId, new ScoreInput { Name = "correct", Value = 1 }, ScoreSource.Human, Cancel));
        Assert.Empty(await viewer.Get<TraceScores>().ListAsync(_traceId, Cancel));
    }

    [Fact]
    public async Task Definitions_check_their_own_shape_and_names_stay_unique()
    {
        var definitions = _scope.Get<ScoreDefinitions>();

        var bad = await Assert.ThrowsAsync<ValidationFailedException>(() => definitions.CreateAsync(
            new ScoreDefinitionInput { Name = "tone", DataType = ScoreDataType.Categorical, Categories = ["calm"] }, Cancel));
        var range = await Assert.ThrowsAsync<ValidationFailedException>(() => definitions.CreateAsync(
            new ScoreDefinitionInput { Name = "tone", DataType = ScoreDataType.Numeric, Minimum = 5, Maximum = 1 }, Cancel));
        var taken = await Assert.ThrowsAsync<ConflictException>(() => definitions.CreateAsync(
            new ScoreDefinitionInput { Name = "Correct", DataType = ScoreDataType.Boolean }, Cancel));

        Assert.Contains("at least two categories", bad.Errors["Categories"].Single());
        Assert.Contains("greater than the minimum", range.Errors["Maximum"].Single());
        Assert.Contains("already defined", taken.Message);
    }

    private TraceScores Scores => _scope.Get<TraceScores>();
}
