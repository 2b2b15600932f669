using System.Net;
using AiNative.Testing;

namespace AiNative.Portal.Tests.Platform;

/// <summary>
/// The portal started the way the README says, as its own process, outside Development: it must
/// come up on a fresh data folder and serve its pages and the libraries' static files.
/// </summary>
public sealed class RunCommandTests : IDisposable
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "ainative-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dataFolder))
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
    }

    [Fact]
    public async Task Dotnet_run_in_production_serves_the_setup_page_and_its_scripts_and_styles()
    {
        await using var portal = await PortalProcess.StartAsync(
            new Dictionary<string, string?> { ["Portal:Storage:DataFolder"] = _dataFolder }, TestContext.Current.CancellationToken);
        using var client = portal.CreateClient();

        var setup = await client.GetStringAsync("/setup", TestContext.Current.CancellationToken);
        Assert.Contains("Create the first administrator", setup);
        foreach (var (path, type) in new[] { ("/_content/MudBlazor/MudBlazor.min.css", "text/css"), ("/_framework/blazor.web.js", "text/javascript"), ("/app.css", "text/css") })
        {
            var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}");
            Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        }
    }
}
