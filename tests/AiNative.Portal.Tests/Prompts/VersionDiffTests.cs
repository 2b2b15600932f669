using AiNative.Portal.Client.Components.Prompts;
using AiNative.Portal.Client.Contracts.Knowledge;
using AiNative.Portal.Client.Contracts.Prompts;
using AngleSharp.Dom;
using Bunit;
using MudBlazor.Services;

namespace AiNative.Portal.Tests.Prompts;

public sealed class VersionDiffTests : BunitContext
{
    private static readonly PromptVersionDto First = new(
        Guid.NewGuid(), 1, "Line one\nLine two\nLine three", "{{$question}}",
        [new PromptVariableDto("question", null, "Asked by the user")],
        null, "offline-chat", new PromptSettingsDto(0.2f), "First", DateTimeOffset.UtcNow, "Ada");

    private static readonly PromptVersionDto Second = First with
    {
        Number = 2,
        SystemTemplate = "Line one\nLine 2\nLine three\nLine four",
        Settings = new PromptSettingsDto(0.1f),
        CommitMessage = "Second",
    };

    private static readonly RetrievalSettingsDto Handbook = new(Guid.NewGuid(), KnowledgeBaseName: "Portal handbook");

    public VersionDiffTests() => Services.AddMudServices();

    [Fact]
    public void Changed_removed_and_added_lines_are_marked_with_signs_and_words_not_only_colour()
    {
        var diff = Render<VersionDiff>(p => p.Add(d => d.Left, First).Add(d => d.Right, Second));

        var rows = Section(diff, 0).QuerySelectorAll("tbody tr").Select(Cells).ToList();

        Assert.Equal(["1", "", "Line one", "1", "", "Line one"], rows[0]);
        Assert.Equal(["2", "−", "Changed from: Line two", "2", "+", "Changed to: Line 2"], rows[1]);
        Assert.Equal(["3", "", "Line three", "3", "", "Line three"], rows[2]);
        Assert.Equal(["", "", "", "4", "+", "Added: Line four"], rows[3]);
        var added = Section(diff, 0).QuerySelectorAll("tbody tr")[3].Children[5];
        Assert.Contains("diff-added", added.ClassList);
    }

    [Fact]
    public void Each_part_says_how_many_lines_changed_and_the_headings_name_both_versions()
    {
        var diff = Render<VersionDiff>(p => p.Add(d => d.Left, First).Add(d => d.Right, Second));

        var headings = diff.FindAll("section.diff-section h3").Select(h => h.TextContent.Trim());

        Assert.Equal(["System template · 2 changed lines", "User template · no changes", "Variables · no changes", "Model and settings · 1 changed line"], headings);
        Assert.Equal(["v1 · First", "v2 · Second"], Section(diff, 0).QuerySelectorAll("thead th").Select(th => th.TextContent));
        Assert.Contains("Temperature: 0.1", Section(diff, 3).TextContent);
        Assert.Contains("question = (no default)  — Asked by the user", Section(diff, 2).TextContent);
    }

    [Fact]
    public void Retrieval_added_by_a_version_is_shown_line_by_line()
    {
        var diff = Render<VersionDiff>(p => p.Add(d => d.Left, First).Add(d => d.Right, Second with { Retrieval = Handbook }));

        Assert.Equal("Retrieval · 6 changed lines", diff.FindAll("section.diff-section h3")[4].TextContent.Trim());
        var rows = Section(diff, 4).QuerySelectorAll("tbody tr").Select(Cells).ToList();
        Assert.Equal(["1", "−", "Changed from: None: every variable takes the value given or its default.", "1", "+", "Changed to: Knowledge base: Portal handbook"], rows[0]);
        Assert.Equal(["", "", "", "4", "+", "Added: Top-k: 5"], rows[3]);
    }

    [Fact]
    public void Changed_retrieval_settings_are_marked_each_on_its_line()
    {
        var diff = Render<VersionDiff>(p => p
            .Add(d => d.Left, First with { Retrieval = Handbook })
            .Add(d => d.Right, Second with { Retrieval = Handbook with { TopK = 3, Mode = SearchModeDto.Keyword } }));

        Assert.Equal("Retrieval · 2 changed lines", diff.FindAll("section.diff-section h3")[4].TextContent.Trim());
        Assert.Contains("Changed to: Search mode: Keyword", Section(diff, 4).TextContent);
        Assert.Contains("Changed from: Top-k: 5", Section(diff, 4).TextContent);
    }

    private static IElement Section(IRenderedComponent<VersionDiff> diff, int index) => diff.FindAll("section.diff-section")[index];

    private static List<string> Cells(IElement row) => row.Children.Select(c => c.TextContent).ToList();
}
