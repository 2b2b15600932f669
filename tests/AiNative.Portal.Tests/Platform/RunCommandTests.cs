using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

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
        var address = $"http://127.0.0.1:{FreePort()}";
        using var portal = Process.Start(new ProcessStartInfo("dotnet", ["run", "--project", Path.Combine(RepositoryRoot(), "AiNative.Portal"), "--no-build", "--no-launch-profile"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_URLS"] = address,
                ["Portal__Storage__DataFolder"] = _dataFolder,
            },
        })!;
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        portal.OutputDataReceived += (_, line) => log.Enqueue(line.Data ?? string.Empty);
        portal.ErrorDataReceived += (_, line) => log.Enqueue(line.Data ?? string.Empty);
        portal.BeginOutputReadLine();
        portal.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
            await WaitUntilHealthyAsync(client, portal, log);

            var setup = await client.GetStringAsync("/setup", TestContext.Current.CancellationToken);
            Assert.Contains("Create the first administrator", setup);
            foreach (var (path, type) in new[] { ("/_content/MudBlazor/MudBlazor.min.css", "text/css"), ("/_framework/blazor.web.js", "text/javascript"), ("/app.css", "text/css") })
            {
                var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}");
                Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
            }
        }
        finally
        {
            portal.Kill(entireProcessTree: true);
            await portal.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
    }

    private static async Task WaitUntilHealthyAsync(HttpClient client, Process portal, IEnumerable<string> log)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(portal.HasExited, $"The portal exited:\n{string.Join('\n', log)}");
            try
            {
                if ((await client.GetAsync("/health", TestContext.Current.CancellationToken)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"The portal did not answer /health within 60 seconds:\n{string.Join('\n', log)}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "AiNative.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("The tests run outside the repository.");
    }
}
