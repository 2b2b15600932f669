using AiNative.Services.Execution;
using AiNative.Testing;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Tests.Runs;

/// <summary>Requests for the seeded demo prompt or ad-hoc templates, and a way to run one to its end.</summary>
internal static class RunInputs
{
    public const string DemoPromptName = "Support answer";

    public static async Task<Guid> DemoPromptIdAsync(this TeamScope scope)
    {
        await using var db = await scope.DbAsync();
        return await db.Prompts.Where(p => p.Name == DemoPromptName).Select(p => p.Id).SingleAsync();
    }

    public static RunRequest AdHoc(Guid modelId, string user, Dictionary<string, string?>? values = null) => new()
    {
        ModelId = modelId,
        SystemTemplate = "You answer briefly.",
        UserTemplate = user,
        Values = values ?? [],
    };

    public static async Task<List<RunEvent>> CollectAsync(this IAsyncEnumerable<RunEvent> events)
    {
        var list = new List<RunEvent>();
        await foreach (var update in events)
        {
            list.Add(update);
        }

        return list;
    }

    public static async Task<RunRecord> RunToEndAsync(this TeamScope scope, RunRequest request) =>
        Assert.IsType<RunFinished>((await scope.Get<PromptExecutor>().RunAsync(request, TestContext.Current.CancellationToken).CollectAsync())[^1]).Run;
}
