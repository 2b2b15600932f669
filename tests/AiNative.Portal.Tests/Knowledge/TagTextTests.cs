using AiNative.Portal.Components.Pages.Knowledge;

namespace AiNative.Portal.Tests.Knowledge;

public sealed class TagTextTests
{
    [Fact]
    public void Pairs_split_by_commas_or_lines_group_by_key_without_repeats()
    {
        var (tags, problem) = TagText.Parse("team=support, year=2025\nteam=sales,team=support, source:wiki");

        Assert.Null(problem);
        Assert.Equal(["support", "sales"], tags["team"]);
        Assert.Equal(["2025"], tags["year"]);
        Assert.Equal(["wiki"], tags["source"]);
        Assert.Equal("team=support, team=sales, year=2025, source=wiki", TagText.Format(tags));
    }

    [Fact]
    public void A_pair_without_a_key_says_how_to_write_tags()
    {
        var (_, problem) = TagText.Parse("team=support, =orphan");

        Assert.Equal("'=orphan' is not key=value. Write tags such as team=support, separated by commas.", problem);
    }

    [Fact]
    public void Nothing_typed_is_no_tags()
    {
        var (tags, problem) = TagText.Parse("  ");

        Assert.Null(problem);
        Assert.Empty(tags);
    }
}
