using AiNative.Services.Evaluation.Definitions;
using AiNative.Services.Evaluation.Judges;
using AiNative.Services.Experiments;
using AiNative.Services.Experiments.Planning;
using AiNative.Services.Prompts;
using AiNative.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AiNative.Portal.EndToEnd;

/// <summary>
/// After a run: an editor narrows the grid to regressions, scores cells by hand from the keyboard, reads how far the
/// LLM judge agrees with them, promotes the winning version to production, opens the report and compares the variants.
/// </summary>
public sealed class ExperimentReviewJourneyTests(BrowserPortal browser) : IClassFixture<BrowserPortal>
{
    private const string PromptName = "Capital answer";

    /// <summary>The second version answers these two wrongly: they are the regressions a reviewer should find.</summary>
    private static readonly string[] Unsure = ["Capital of Italy?", "Capital of Germany?"];

    private static readonly Dictionary<string, string> Answers = new()
    {
        ["Capital of France?"] = "Paris",
        ["Capital of Italy?"] = "Rome",
        ["Capital of Spain?"] = "Madrid",
        ["Capital of Germany?"] = "Berlin",
        ["Capital of Portugal?"] = "Lisbon",
        ["Capital of Austria?"] = "Vienna",
    };

    /// <summary>Twelve cells and twelve judge calls against the local provider; generous on a shared machine.</summary>
    private static readonly LocatorAssertionsToContainTextOptions UntilRun = new() { Timeout = 90_000 };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_editor_filters_to_regressions_scores_cells_by_keyboard_sees_the_judge_agreement_and_promotes_the_winner()
    {
        await browser.Portal.CreateAdministratorAsync();
        var experimentId = await ArrangeExperimentAsync();
        await using var session = await browser.NewPageAsync();
        var page = session.Page;
        await session.SignInAsync(PortalFactory.AdminEmail, PortalFactory.Password);

        await page.GotoAsync($"/experiments/{experimentId}");
        await session.WaitForInteractiveAsync();
        await page.GetByTestId("start-experiment").ClickAsync();
        await Expect(page.GetByTestId("experiment-progress")).ToContainTextAsync("Completed", UntilRun);
        await Expect(page.GetByTestId("progress-cells")).ToHaveTextAsync("12 of 12 cells");

        // The grid narrowed to regressions shows exactly the items the second version got wrong.
        var rows = page.GetByTestId("side-by-side").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(6);
        await page.GetByTestId("row-filter").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Regressions against the baseline" }).ClickAsync();
        await Expect(page.GetByTestId("row-count")).ToHaveTextAsync("2 items");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Nth(0)).ToContainTextAsync("Capital of Italy?");
        await Expect(rows.Nth(0)).ToContainTextAsync("Not Rome");
        await Expect(rows.Nth(1)).ToContainTextAsync("Capital of Germany?");
        await page.ExpectAccessibleAsync();

        // Before anyone reviews, the judge's agreement waits for people's scores.
        await Expect(page.GetByTestId("review-summary-empty")).ToContainTextAsync("No person has scored a cell yet");

        // The queue walks cells with the keyboard alone: y or n, then Enter saves and shows the next.
        await page.GetByTestId("open-review").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Review", Level = 1 })).ToBeVisibleAsync();
        await session.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("review-score")).ToContainTextAsync("correct");
        await Expect(page.GetByTestId("review-progress")).ToHaveTextAsync("0 of 12 reviewed");
        await page.ExpectAccessibleAsync();
        for (var reviewed = 0; reviewed < 6; reviewed++)
        {
            var cell = page.GetByTestId("review-cell");
            await Expect(cell).ToBeFocusedAsync();
            var output = (await page.GetByTestId("review-output").InnerTextAsync()).Trim();
            await page.Keyboard.PressAsync(output.StartsWith("Not ", StringComparison.Ordinal) ? "n" : "y");
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.GetByTestId("review-progress")).ToHaveTextAsync($"{reviewed + 1} of 12 reviewed");
        }

        // Six cells scored by both: the judge failed the wrong answer people failed, and passed the rest.
        await page.GetByRole(AriaRole.Link, new() { Name = "Capital answer, v1 against v2" }).ClickAsync();
        await session.WaitForInteractiveAsync();
        var agreement = page.GetByTestId("judge-agreement").Locator("tbody > tr").First;
        await Expect(agreement).ToContainTextAsync("answer quality");
        await Expect(agreement).ToContainTextAsync("correct");
        await Expect(agreement).ToContainTextAsync("100 %");
        await Expect(agreement).ToContainTextAsync("1.00 (almost perfect)");
        await Expect(page.GetByTestId("human-scores")).ToContainTextAsync("(n = 3)");
        await page.ExpectAccessibleAsync();

        // The baseline won: promoting it moves the production label to version 1, in one click.
        await page.GetByTestId("promote-variant").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = $"A: {PromptName} v1" }).ClickAsync();
        await page.GetByTestId("promote").ClickAsync();
        await Expect(page.GetByTestId("promote-result")).ToContainTextAsync($"'production' of {PromptName} now points at v1; the label is new.");
        await page.ScreenshotAsync(new() { Path = Screenshot("experiment-review"), FullPage = true });

        // The report a reviewer opens from its permanent link: the definition and the numbers, read-only.
        await page.GetByTestId("open-report").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/experiments/{experimentId}/report"));
        await session.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("report-variants")).ToContainTextAsync("fake-chat");
        await Expect(page.GetByTestId("report-evaluators")).ToContainTextAsync("answer quality");
        await Expect(page.GetByTestId("summary-table").Locator("tbody tr")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("judge-agreement")).ToContainTextAsync("1.00 (almost perfect)");
        await Expect(page.GetByTestId("open-review")).ToHaveCountAsync(0);
        await page.ExpectAccessibleAsync();
        await page.ScreenshotAsync(new() { Path = Screenshot("experiment-report"), FullPage = true });

        // Compared with itself, the challenger's two losses on exact answers show as paired differences.
        await page.GoBackAsync();
        await session.WaitForInteractiveAsync();
        await page.GetByTestId("compare-with").ClickAsync();
        await session.WaitForInteractiveAsync();
        await page.GetByTestId("compare-right").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Capital answer, v1 against v2 (Capitals v1)" }).ClickAsync();
        await Expect(page.GetByTestId("compare-items")).ToContainTextAsync("6 items in both (both on Capitals v1)");
        var exactDifference = page.GetByTestId("paired-difference").Filter(new() { HasText = "exact answer" });
        await Expect(exactDifference).ToContainTextAsync("0 / 4 / 2");
        await page.ExpectAccessibleAsync();

        await page.GotoAsync("/prompts");
        await session.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = PromptName, Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("label-production")).ToContainTextAsync("production → v1");
        Assert.Empty(session.ConsoleErrors);
    }

    /// <summary>
    /// Two versions of a prompt on two models registered against the local provider, over six questions, scored by
    /// exact match and by the quality judge. People review with the demo team's yes/no score, "correct". Returns the experiment, not yet started.
    /// </summary>
    private async Task<Guid> ArrangeExperimentAsync()
    {
        browser.Provider.ChunkDelay = TimeSpan.Zero;
        browser.Provider.Reply = messages => (messages[0].Content, messages[^1].Content) switch
        {
            (_, var judged) when judged.Contains("The assistant's answer:", StringComparison.Ordinal) =>
                judged.Contains("answer:\nNot ", StringComparison.Ordinal) ? """{"score": 1, "reason": "Wrong capital."}""" : """{"score": 5, "reason": "Right."}""",
            ("Answer, guessing where unsure.", var question) when Unsure.Contains(question) => $"Not {Answers[question]}",
            (_, var question) => Answers.GetValueOrDefault(question, "I do not know."),
        };

        await using var scope = browser.Portal.Services.InTeam(await browser.Portal.DemoTeamIdAsync());
        var first = await scope.AddOpenAiCompatibleModelAsync(browser.Provider.BaseUrl, FakeOpenAiServer.ChatModel);
        var second = await scope.AddOpenAiCompatibleModelAsync(browser.Provider.BaseUrl, FakeOpenAiServer.ChatModel);
        var prompt = await scope.AddPromptAsync(PromptName, first.Id, ["Answer.", "Answer, guessing where unsure."], "{{$question}}");
        var dataset = await scope.AddQuestionsAsync("Capitals", Answers.Select(a => (a.Key, a.Value)));

        var evaluators = scope.Get<EvaluatorDefinitions>();
        var exact = await evaluators.CreateAsync(new EvaluatorInput("exact answer", null, EvaluatorKind.ExactMatch, new EvaluatorSettings()), Cancel);
        Guid rubric;
        await using (var db = await scope.DbAsync())
        {
            rubric = await db.Prompts.Where(p => p.Name == RubricPrompts.Quality.Name).Select(p => p.Id).SingleAsync(Cancel);
        }

        var judge = await evaluators.CreateAsync(
            new EvaluatorInput("answer quality", null, EvaluatorKind.Judge, new EvaluatorSettings { PromptId = rubric, ModelId = first.Id, Threshold = 3 }), Cancel);

        var experiment = await scope.Get<ExperimentRegistry>().CreateAsync(new ExperimentInput
        {
            Name = "Capital answer, v1 against v2",
            DatasetId = dataset.Id,
            Variants =
            [
                new VariantInput { PromptId = prompt, PromptVersion = 1, ModelId = first.Id },
                new VariantInput { PromptId = prompt, PromptVersion = 2, ModelId = second.Id },
            ],
            EvaluatorIds = [exact.Id, judge.Id],
        }, Cancel);
        return experiment.Id;
    }

    private static string Screenshot(string name) => Path.Combine(Path.GetTempPath(), "ainative-screenshots", $"{name}.png");
}
