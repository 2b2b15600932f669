using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AiNative.Testing;

/// <summary>
/// The portal as its own operating-system process, started as the README says (<c>dotnet run</c>) in
/// Production, on a free port: what a replica behind a load balancer is. It can be killed with
/// SIGKILL, as a machine that dies would be.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log;

    private PortalProcess(Process process, Uri address, ConcurrentQueue<string> log)
    {
        _process = process;
        Address = address;
        _log = log;
    }

    public Uri Address { get; }

    public string Log => string.Join('\n', _log);

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the portal with <paramref name="settings"/> (configuration keys such as <c>Portal:Storage:DataFolder</c>) and waits for /health.</summary>
    public static async Task<PortalProcess> StartAsync(IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet", ["run", "--project", Path.Combine(RepositoryRoot(), "AiNative.Portal"), "--no-build", "--no-launch-profile", "-c", BuildConfiguration()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/'),
            },
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var log = new ConcurrentQueue<string>();
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, line) => log.Enqueue(line.Data ?? string.Empty);
        process.ErrorDataReceived += (_, line) => log.Enqueue(line.Data ?? string.Empty);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var portal = new PortalProcess(process, address, log);
        try
        {
            await portal.WaitUntilHealthyAsync(cancellationToken);
            return portal;
        }
        catch
        {
            await portal.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client of this replica that keeps cookies and does not follow redirects, as the tests' sign-in expects.</summary>
    public HttpClient CreateClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = Address };

    /// <summary>Ends the process at once, with no chance to finish or release anything (SIGKILL).</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        // Generous: a busy machine may take a minute or more to start the portal and migrate.
        var deadline = DateTime.UtcNow.AddMinutes(3);
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(10) };
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The portal exited:\n{Log}");
            }

            try
            {
                if ((await client.GetAsync("/health", cancellationToken)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Listening but busy starting.
            }

            await Task.Delay(250, cancellationToken);
        }

        throw new TimeoutException($"The portal did not answer /health within 3 minutes:\n{Log}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The configuration the tests were built in (bin/Debug or bin/Release), which the portal was built in too.</summary>
    private static string BuildConfiguration() =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

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
