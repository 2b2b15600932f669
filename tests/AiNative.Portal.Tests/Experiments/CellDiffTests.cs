using AiNative.Portal.Client.Contracts.Experiments;
using AiNative.Portal.Components.Pages.Experiments;
using AiNative.Portal.Tests.Components;
using Bunit;

namespace AiNative.Portal.Tests.Experiments;

public sealed class CellDiffTests : PortalComponentTest
{
    [Fact]
    public void A_cell_compared_with_the_baseline_marks_removed_and_added_words_and_keeps_markup_as_text()
    {
        var cell = Render<CellView>(p => p
            .Add(c => c.Cell, Succeeded("The capital is Paris <script>alert(1)</script>"))
            .Add(c => c.Baseline, "The capital is Lyon"));

        var diff = cell.Find("[data-testid=output-diff]");
        Assert.Equal("removed: Lyon", Assert.Single(diff.QuerySelectorAll("del")).TextContent);
        var added = Assert.Single(diff.QuerySelectorAll("ins")).TextContent;
        Assert.Contains("Paris <script>alert(1)</script>", added);
        Assert.StartsWith("added: ", added);
        Assert.Empty(cell.FindAll("script"));
        Assert.Contains("The capital is ", diff.TextContent);
    }

    [Fact]
    public void An_output_the_same_as_the_baseline_shows_no_change()
    {
        var cell = Render<CellView>(p => p.Add(c => c.Cell, Succeeded("Same answer.")).Add(c => c.Baseline, "Same answer."));

        Assert.Empty(cell.FindAll("ins, del"));
        Assert.Equal("Same answer.", cell.Find("[data-testid=output-diff]").TextContent.Trim());
    }

    [Fact]
    public void Without_a_baseline_the_output_is_rendered_as_safe_markdown()
    {
        var cell = Render<CellView>(p => p.Add(c => c.Cell, Succeeded("**bold** <script>alert(1)</script>")));

        Assert.Empty(cell.FindAll("[data-testid=output-diff]"));
        Assert.Single(cell.FindAll("strong"));
        Assert.Empty(cell.FindAll("script"));
    }

    private static ExperimentCellDto Succeeded(string output) =>
        new(Guid.CreateVersion7(), Guid.CreateVersion7(), 1, CellStatusDto.Succeeded, output, null, 12, 3, 4, 0.001m, null, []);
}
