using AiNative.Portal.Client.Contracts.Knowledge;
using AiNative.Portal.Client.Contracts.Models;
using AiNative.Portal.Client.Contracts.Session;
using AiNative.Portal.Components.Pages.Knowledge;
using Bunit;
using MudBlazor;

namespace AiNative.Portal.Tests.Knowledge;

public sealed class KnowledgeBasesPageTests : KnowledgeComponentTest
{
    public KnowledgeBasesPageTests() => Api.Base = Api.Base with { DocumentCount = 4, ReadyCount = 3, FailedCount = 1, ChunkCount = 120, TokenCount = 9_800 };

    [Fact]
    public void A_viewer_sees_the_bases_with_their_counts_and_no_controls()
    {
        var page = RenderWithPopovers<KnowledgeBasesPage>(p => p.AddCascadingValue(SessionAs(TeamRoleDto.Viewer)));

        var row = page.Find("tbody tr").TextContent;
        Assert.Contains("offline-embed", row);
        Assert.Contains("3 of 4 ready", row);
        Assert.Contains("1 failed", row);
        Assert.Contains("9,800", row);
        Assert.Empty(page.FindAll("button"));
    }

    [Fact]
    public void A_base_being_re_indexed_shows_the_jobs_progress()
    {
        Api.Base = Api.Base with { IsReindexing = true, ReindexProgress = 0.4 };

        var page = RenderWithPopovers<KnowledgeBasesPage>(p => p.AddCascadingValue(SessionAs(TeamRoleDto.Viewer)));

        var state = page.Find("[data-testid=index-state]");
        Assert.Contains("Re-indexing", state.TextContent);
        Assert.Contains("Searches use the previous index until this completes.", state.TextContent);
        Assert.Equal("40", state.QuerySelector("[role=progressbar]")!.GetAttribute("aria-valuenow"));
    }

    [Fact]
    public void A_failed_re_index_shows_its_reason_and_how_to_try_again()
    {
        Api.Base = Api.Base with { IsReindexing = true, ReindexError = "The embedding provider refused the key (HTTP 401)." };

        var page = RenderWithPopovers<KnowledgeBasesPage>(p => p.AddCascadingValue(SessionAs(TeamRoleDto.Viewer)));

        var state = page.Find("[data-testid=index-state]");
        Assert.Contains("Re-index failed", state.TextContent);
        Assert.Contains("refused the key (HTTP 401)", state.TextContent);
        Assert.Contains("save the base (Edit, Save) to try the re-index again", state.TextContent);
        Assert.Empty(state.QuerySelectorAll("[role=progressbar]"));
    }

    [Fact]
    public void Changing_the_partitioning_of_a_base_with_documents_warns_that_saving_re_indexes_it()
    {
        Models.Models.Add(new ModelDto(Guid.CreateVersion7(), Guid.CreateVersion7(), "Offline", ProviderKindDto.Offline, "offline-embed", "offline-embed",
            ModelKindDto.Embedding, 8_192, 0, 0, 0, 256, new ModelSettingsDto(), "Hashed n-grams.", DateTimeOffset.UtcNow));
        Api.Base = Api.Base with { EmbeddingModelId = Models.Models[^1].Id };
        var dialogs = Render<MudDialogProvider>();
        var page = RenderWithPopovers<KnowledgeBasesPage>(p => p.AddCascadingValue(SessionAs(TeamRoleDto.Editor)));

        page.Find("button[aria-label='Edit Support']").Click();
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("input[data-testid=max-tokens]")));
        Assert.Empty(dialogs.FindAll("[data-testid=reindex-warning]"));
        dialogs.Find("input[data-testid=max-tokens]").Input("500");

        Assert.Contains("Saving re-indexes all 4 document(s)", dialogs.Find("[data-testid=reindex-warning]").TextContent);
    }

    [Fact]
    public void Changed_partitioning_can_be_previewed_on_a_document_before_saving()
    {
        Models.Models.Add(new ModelDto(Guid.CreateVersion7(), Guid.CreateVersion7(), "Offline", ProviderKindDto.Offline, "offline-embed", "offline-embed",
            ModelKindDto.Embedding, 8_192, 0, 0, 0, 256, new ModelSettingsDto(), "Hashed n-grams.", DateTimeOffset.UtcNow));
        Api.Base = Api.Base with { EmbeddingModelId = Models.Models[^1].Id };
        var document = Guid.CreateVersion7();
        Api.Preview = (_, request) => new PartitioningPreviewDto(
            document, "guide.md", Api.Base.Partitioning, 4, 1_100, request.Partitioning, 2, 1_080,
            [new(0, null, "Install", "Install the portal with one command.", 540), new(1, null, "Install › Linux", "On Linux, run the script.", 540)]);
        var dialogs = Render<MudDialogProvider>();
        var page = RenderWithPopovers<KnowledgeBasesPage>(p => p.AddCascadingValue(SessionAs(TeamRoleDto.Editor)));
        page.Find("button[aria-label='Edit Support']").Click();
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("input[data-testid=max-tokens]")));
        Assert.Empty(dialogs.FindAll("[data-testid=partitioning-preview]"));

        dialogs.Find("input[data-testid=max-tokens]").Input("600");
        dialogs.FindAll("[data-testid=partitioning-preview] button").Single(b => b.TextContent.Contains("Preview the chunks", StringComparison.Ordinal)).Click();

        dialogs.WaitForAssertion(() => Assert.Equal(2, dialogs.FindAll("[data-testid=preview-chunk]").Count));
        Assert.Equal(600, Api.Previews.Single().Partitioning.MaxTokensPerChunk);
        Assert.Contains("'guide.md' becomes 2 chunks (1,080 tokens); the current index holds it as 4 chunks (1,100 tokens)",
            dialogs.Find("[data-testid=preview-summary]").TextContent);
        Assert.Contains("Install › Linux", dialogs.FindAll("[data-testid=preview-chunk]")[1].TextContent);

        dialogs.Find("input[data-testid=max-tokens]").Input("700");
        Assert.Contains("preview again", dialogs.Find("[data-testid=preview-stale]").TextContent);
    }

    [Fact]
    public void A_team_without_bases_is_told_how_to_start()
    {
        Api.Bases.Clear();

        var editor = RenderWithPopovers<KnowledgeBasesPage>(p => p.AddCascadingValue(SessionAs(TeamRoleDto.Editor)));

        Assert.Contains("Start with “New knowledge base”.", editor.Find("[data-testid=bases-empty]").TextContent);
    }
}
