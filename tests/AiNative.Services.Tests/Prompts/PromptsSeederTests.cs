using AiNative.Services.Models;
using AiNative.Services.Models.Offline;
using AiNative.Services.Prompts;
using AiNative.Services.Prompts.Templates;
using AiNative.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;

namespace AiNative.Services.Tests.Prompts;

public sealed class PromptsSeederTests : IAsyncLifetime
{
    private ServicesHost _host = null!;
    private TeamScope _scope = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await ServicesHost.StartAsync();
        _scope = _host.InTeam(await _host.DemoTeamIdAsync());
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task First_start_gives_the_demo_team_a_prompt_with_two_versions_on_the_offline_model_and_two_labels()
    {
        var summary = Assert.Single(await _scope.Get<PromptRegistry>().ListAsync(TestContext.Current.CancellationToken), p => p.Name == DemoPrompt.Name);
        var prompt = await _scope.Get<PromptRegistry>().GetAsync(summary.Id, TestContext.Current.CancellationToken);

        Assert.Equal(DemoPrompt.Name, prompt.Name);
        Assert.Equal([2, 1], prompt.Versions.Select(v => v.Number));
        Assert.All(prompt.Versions, v => Assert.Equal(OfflineModels.ChatModelId, v.Model?.Name));
        Assert.All(prompt.Versions, v => Assert.Equal(["context", "question"], v.Variables.Select(x => x.Name)));
        Assert.All(prompt.Versions, v => Assert.True(TemplateAnalyzer.Analyze(v.SystemTemplate, v.UserTemplate).IsValid));
        Assert.Equal([new LabelPointer("production", 1), new LabelPointer("staging", 2)], summary.Labels);
    }

    [Fact]
    public async Task Deleted_demo_prompts_are_not_seeded_again_after_a_restart()
    {
        foreach (var prompt in await _scope.Get<PromptRegistry>().ListAsync(TestContext.Current.CancellationToken))
        {
            await _scope.Get<PromptRegistry>().DeleteAsync(prompt.Id, TestContext.Current.CancellationToken);
        }

        await _scope.DisposeAsync();
        await _host.StopAsync();

        await using var restarted = await ServicesHost.StartAsync(dataFolder: _host.DataFolder);
        await using var scope = restarted.InTeam(await restarted.DemoTeamIdAsync());

        Assert.Empty(await scope.Get<PromptRegistry>().ListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_demo_prompt_renders_with_its_defaults_and_the_offline_model_answers_from_its_context()
    {
        var promptId = (await _scope.Get<PromptRegistry>().ListAsync(TestContext.Current.CancellationToken)).Single(p => p.Name == DemoPrompt.Name).Id;
        var rendered = await _scope.Get<PromptRenderer>().RenderVersionAsync(promptId, 2, new Dictionary<string, string?>(), TestContext.Current.CancellationToken);
        await using var db = await _scope.DbAsync();
        var model = await db.Models.Include(m => m.Provider).SingleAsync(m => m.Name == OfflineModels.ChatModelId, TestContext.Current.CancellationToken);
        using var client = _scope.Get<ModelClientFactory>().CreateChatClient(model);

        var answer = await client.GetResponseAsync(
            [new ChatMessage(ChatRole.System, rendered.System), new ChatMessage(ChatRole.User, rendered.User)],
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("Question: How do I promote a new prompt version to production?", rendered.User);
        Assert.Contains("moving a label promotes a version without a deploy", answer.Text);
    }
}
