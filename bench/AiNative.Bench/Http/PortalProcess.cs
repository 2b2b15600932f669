using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;

namespace AiNative.Bench.Http;

/// <summary>
/// The built portal (<c>AiNative.Portal.dll</c> of the same configuration as the bench) started as a
/// process of its own on <c>127.0.0.1</c>, on a fresh data folder, with the first administrator
/// created by the unattended-setup settings. Disposing stops it and deletes the folder.
/// </summary>
public sealed partial class PortalProcess : IAsyncDisposable
{
    public const string AdminEmail = "bench@example.com";
    public const string AdminPassword = "bench password 1234";

    private readonly Process _process;
    private readonly string _dataFolder;

    private PortalProcess(Process process, string dataFolder)
    {
        _process = process;
        _dataFolder = dataFolder;
    }

    public Uri Address { get; private set; } = null!;

    /// <summary>The portal's SQLite database, for counting what it saved.</summary>
    public string DatabasePath => Path.Combine(_dataFolder, "portal.db");

    /// <summary>The processor time the portal has used so far (user and system, all threads).</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>The portal's resident memory now, in MiB.</summary>
    public double ResidentMiB
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64 / (1024.0 * 1024.0);
        }
    }

    /// <summary>Starts the portal; <paramref name="settings"/> (configuration keys) choose, for example, PostgreSQL.</summary>
    public static async Task<PortalProcess> StartAsync(TimeSpan timeout, IReadOnlyDictionary<string, string> settings)
    {
        var assembly = PortalAssembly();
        var dataFolder = Path.Combine(Path.GetTempPath(), "ainative-bench", Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("dotnet")
        {
            // The portal reads appsettings.json and its static assets' manifest from where it was built.
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assembly);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Portal__Storage__DataFolder"] = dataFolder;
        start.Environment["Portal__Setup__AdministratorEmail"] = AdminEmail;
        start.Environment["Portal__Setup__AdministratorPassword"] = AdminPassword;
        start.Environment["Portal__Setup__AdministratorName"] = "Bench Admin";
        start.Environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = string.Empty;
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {assembly}.");
        var ready = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new List<string>();
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.Add(line);
            }

            if (ReadyAt().Match(line) is { Success: true } match)
            {
                ready.TrySetResult(new Uri(match.Groups[1].Value));
            }
        }

        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException(
            $"The portal exited with {process.ExitCode} before it was ready:{Environment.NewLine}{string.Join(Environment.NewLine, Snapshot(output))}"));

        var portal = new PortalProcess(process, dataFolder);
        try
        {
            portal.Address = await ready.Task.WaitAsync(timeout);
            return portal;
        }
        catch
        {
            await portal.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        if (Directory.Exists(_dataFolder))
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
    }

    private static List<string> Snapshot(List<string> lines)
    {
        lock (lines)
        {
            return [.. lines];
        }
    }

    /// <summary>The portal built beside the bench, or the build <c>AINATIVE_BENCH_PORTAL</c> names (a copy of the build before a change).</summary>
    private static string PortalAssembly()
    {
        var path = Environment.GetEnvironmentVariable("AINATIVE_BENCH_PORTAL") is { Length: > 0 } other ? other
            : typeof(PortalProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "PortalAssembly").Value!;
        return File.Exists(path) ? Path.GetFullPath(path) : throw new FileNotFoundException($"The portal is not built at {path}; build the bench with its configuration.", path);
    }

    [GeneratedRegex(@"AiNative Portal is ready at (http://\S+)")]
    private static partial Regex ReadyAt();
}
