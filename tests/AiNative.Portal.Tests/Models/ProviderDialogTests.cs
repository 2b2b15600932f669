using AiNative.Portal.Client.Contracts.Models;
using AiNative.Portal.Components.Pages.Models;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AiNative.Portal.Tests.Models;

public sealed class ProviderDialogTests : ComponentTest
{
    private static readonly Guid ProviderId = Guid.NewGuid();

    public ProviderDialogTests() =>
        Api.Providers.Add(FakeModelsApi.Provider(ProviderId, "Local vLLM", ProviderKindDto.OpenAICompatible, "http://127.0.0.1:8000/v1", "••••cdef"));

    [Fact]
    public async Task Editing_shows_the_key_hint_but_never_fills_the_key_field()
    {
        var dialog = await OpenAsync(Api.Providers[0]);

        var key = dialog.Find("input[type=password]");
        Assert.True(string.IsNullOrEmpty(key.GetAttribute("value")));
        Assert.Contains("Leave empty to keep the current key (••••cdef)", dialog.Markup);
    }

    [Fact]
    public async Task Saving_without_typing_a_key_sends_no_key_and_keeps_the_stored_one()
    {
        var dialog = await OpenAsync(Api.Providers[0]);

        dialog.Find("input[type=password]").Input(string.Empty);
        await ClickAsync(dialog, "Save");

        var sent = Assert.Single(Api.SentProviders);
        Assert.Null(sent.ApiKey);
        Assert.False(sent.ClearApiKey);
        Assert.Equal("http://127.0.0.1:8000/v1", sent.BaseUrl);
    }

    [Fact]
    public async Task A_typed_key_is_sent_to_replace_the_stored_one()
    {
        var dialog = await OpenAsync(Api.Providers[0]);

        dialog.Find("input[type=password]").Input("sk-new-key-4242");
        await ClickAsync(dialog, "Save");

        Assert.Equal("sk-new-key-4242", Assert.Single(Api.SentProviders).ApiKey);
    }

    [Fact]
    public async Task Removing_the_stored_key_sends_the_clear_flag_and_no_key()
    {
        var dialog = await OpenAsync(Api.Providers[0]);

        dialog.Find("input[type=checkbox]").Change(true);
        await ClickAsync(dialog, "Save");

        var sent = Assert.Single(Api.SentProviders);
        Assert.True(sent.ClearApiKey);
        Assert.Null(sent.ApiKey);
    }

    [Fact]
    public async Task A_new_provider_offers_no_key_removal_and_says_the_key_is_never_shown_again()
    {
        var dialog = await OpenAsync(null);

        Assert.Empty(dialog.FindAll("input[type=checkbox]"));
        Assert.Contains("never shown again", dialog.Markup);
    }

    private async Task<IRenderedComponent<MudDialogProvider>> OpenAsync(ProviderDto? provider)
    {
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var parameters = new DialogParameters<ProviderDialog> { { d => d.Provider, provider } };
        await dialogs.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<ProviderDialog>("Provider", parameters));
        return dialogs;
    }

    private static Task ClickAsync(IRenderedComponent<MudDialogProvider> dialog, string text) =>
        dialog.FindAll("button").Single(b => b.TextContent.Trim() == text).ClickAsync(new());
}
