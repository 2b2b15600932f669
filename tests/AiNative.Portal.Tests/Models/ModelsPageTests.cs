using AiNative.Portal.Client.Contracts.Models;
using AiNative.Portal.Client.Contracts.Session;
using AiNative.Portal.Components.Pages.Models;
using AiNative.Services.Models.Offline;
using Bunit;
using MudBlazor;

namespace AiNative.Portal.Tests.Models;

public sealed class ModelsPageTests : ComponentTest
{
    public ModelsPageTests()
    {
        var offline = FakeModelsApi.Provider(Guid.NewGuid(), OfflineModels.ProviderName, ProviderKindDto.Offline, null, null, "Runs inside the portal.");
        var vllm = FakeModelsApi.Provider(Guid.NewGuid(), "Local vLLM", ProviderKindDto.OpenAICompatible, "http://127.0.0.1:8000/v1", "••••cdef");
        Api.Providers.AddRange([offline, vllm]);
        Api.Models.Add(new ModelDto(Guid.NewGuid(), offline.Id, offline.Name, ProviderKindDto.Offline, OfflineModels.ChatModelId, OfflineModels.ChatModelId,
            ModelKindDto.Chat, OfflineModels.ContextWindow, OfflineModels.MaxOutputTokens, 0, 0, null, new ModelSettingsDto(), OfflineModels.ChatDescription, DateTimeOffset.UtcNow));
    }

    [Fact]
    public void A_viewer_sees_the_registry_without_any_edit_controls()
    {
        var page = RenderPage(TeamRoleDto.Viewer);

        Assert.Contains("Local vLLM", page.Markup);
        Assert.Contains("••••cdef", page.Markup);
        Assert.Empty(page.FindAll("button"));
        Assert.DoesNotContain("Add provider", page.Markup);
        Assert.DoesNotContain("Test connection", page.Markup);
    }

    [Fact]
    public void An_editor_gets_add_test_edit_and_delete_controls()
    {
        var page = RenderPage(TeamRoleDto.Editor);

        var labels = page.FindAll("button").Select(b => b.GetAttribute("aria-label") ?? b.TextContent.Trim()).ToList();
        Assert.Contains("Add provider", labels);
        Assert.Contains("Add model", labels);
        Assert.Contains("Test connection of Local vLLM", labels);
        Assert.Contains("Edit provider Local vLLM", labels);
        Assert.Contains($"Delete model {OfflineModels.ChatModelId}", labels);
    }

    [Fact]
    public void The_offline_provider_and_models_are_labelled_as_built_in_and_not_language_models()
    {
        var page = RenderPage(TeamRoleDto.Viewer);

        Assert.Equal(2, page.FindAll(".mud-chip").Count(c => c.TextContent.Contains("Built in · not a language model")));
        Assert.Contains(OfflineModels.ChatDescription, page.Markup);
    }

    [Fact]
    public async Task Testing_a_connection_shows_the_outcome_with_its_status_and_models()
    {
        var page = RenderPage(TeamRoleDto.Editor);

        await page.FindAll("button").Single(b => b.GetAttribute("aria-label") == "Test connection of Local vLLM").ClickAsync(new());

        var result = page.Find("[data-testid=connection-result]");
        Assert.Contains("Reachable", result.TextContent);
        Assert.Contains("HTTP 200", result.TextContent);
        Assert.Contains("fake-chat", result.TextContent);
    }

    [Fact]
    public void An_empty_registry_explains_how_to_start()
    {
        Api.Providers.Clear();
        Api.Models.Clear();

        var viewer = RenderPage(TeamRoleDto.Viewer);

        Assert.Contains("No providers yet", viewer.Find("[data-testid=providers-empty]").TextContent);
        Assert.Contains("Ask an editor of the team to add one.", viewer.Find("[data-testid=providers-empty]").TextContent);
        Assert.Contains("No models yet", viewer.Find("[data-testid=models-empty]").TextContent);
    }

    private IRenderedComponent<ModelsPage> RenderPage(TeamRoleDto role)
    {
        Render<MudPopoverProvider>();
        return Render<ModelsPage>(parameters => parameters.AddCascadingValue(SessionAs(role)));
    }
}
