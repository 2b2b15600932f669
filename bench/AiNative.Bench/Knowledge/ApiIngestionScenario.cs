using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using AiNative.Bench.Http;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace AiNative.Bench.Knowledge;

/// <summary>
/// Ingestion as an API client sees it: the built portal runs as a process of its own (Production settings,
/// offline embedder), and the bench uploads through <c>POST …/knowledge/upload</c> with a personal access token,
/// timing from the first upload until the base reports every document ready. Three loads, each into a base of
/// its own: 200 small Markdown files (the fixed cost per document), 32 large Markdown files (MB/s of text), and
/// PDFs of 25 pages (pages/s). The large files go in twice: first on a portal that has just started and still
/// compiles its hot code, then again into another base, as a portal that has been running meets them. Run: <c>dotnet run -c Release --project bench/AiNative.Bench -- api-ingestion-scenario</c>,
/// or beside PostgreSQL: <c>bash bench/with-postgres.sh api-ingestion-scenario</c>.
/// </summary>
public static class ApiIngestionScenario
{
    private const int SmallDocuments = 200;
    private const int SmallDocumentBytes = 2 * 1024;
    private const int LargeDocuments = 32;
    private const int LargeDocumentBytes = 512 * 1024;
    private const int PdfDocuments = 16;
    private const int PdfPages = 25;
    private const int FilesPerUpload = 20;

    public static async Task RunAsync(string? postgres)
    {
        var settings = postgres is null
            ? new Dictionary<string, string>()
            : new Dictionary<string, string> { ["Portal:Storage:Provider"] = "PostgreSQL", ["Portal:Storage:ConnectionString"] = postgres };
        await using var portal = await PortalProcess.StartAsync(TimeSpan.FromMinutes(2), settings);
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {HttpScenario.CpuModel()}; portal {portal.Address} (own process, Production, {(postgres is null ? "SQLite" : "PostgreSQL")})");
        using var http = new HttpClient { BaseAddress = portal.Address, Timeout = TimeSpan.FromMinutes(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await HttpScenario.CreateAccessTokenAsync(portal.Address));
        var session = await http.GetFromJsonAsync<JsonObject>("/api/session") ?? throw new InvalidOperationException("No session.");
        var api = $"/api/teams/{session["currentTeam"]!["id"]!.GetValue<Guid>()}/knowledge";

        var small = Enumerable.Range(1, SmallDocuments).Select(i => ($"small{i}.md", Encoding.UTF8.GetBytes(SyntheticCorpus.Markdown(SmallDocumentBytes, seed: 1000 + i)))).ToList();
        var smallSeconds = await IngestAsync(http, api, "Small files", small);
        Console.WriteLine($"{SmallDocuments} small Markdown files ({SmallDocumentBytes / 1024} KB): {smallSeconds:0.00} s = {smallSeconds * 1000 / SmallDocuments:0.0} ms per document");

        var large = Enumerable.Range(1, LargeDocuments).Select(i => ($"large{i}.md", Encoding.UTF8.GetBytes(SyntheticCorpus.Markdown(LargeDocumentBytes, seed: i)))).ToList();
        var megabytes = large.Sum(f => (long)f.Item2.Length) / 1e6;
        var largeSeconds = await IngestAsync(http, api, "Large files", large);
        Console.WriteLine($"{LargeDocuments} large Markdown files, {megabytes:0.0} MB: {largeSeconds:0.00} s = {megabytes / largeSeconds:0.00} MB/s");
        var warmSeconds = await IngestAsync(http, api, "Large files again", large);
        Console.WriteLine($"The same files again, into another base: {warmSeconds:0.00} s = {megabytes / warmSeconds:0.00} MB/s");

        var pdfs = Enumerable.Range(1, PdfDocuments).Select(i => ($"manual{i}.pdf", Pdf(seed: i))).ToList();
        var pdfSeconds = await IngestAsync(http, api, "PDFs", pdfs);
        Console.WriteLine($"{PdfDocuments} PDFs of {PdfPages} pages: {pdfSeconds:0.00} s = {PdfDocuments * PdfPages / pdfSeconds:0.0} pages/s");
        Console.WriteLine($"Portal processor time {portal.ProcessorTime.TotalSeconds:0.0} s; resident {portal.ResidentMiB:0} MiB");
    }

    /// <summary>Uploads the files into a new base, <see cref="FilesPerUpload"/> per request, and waits until all are ingested.</summary>
    private static async Task<double> IngestAsync(HttpClient http, string api, string baseName, IReadOnlyList<(string Name, byte[] Content)> files)
    {
        using (var created = await http.PostAsJsonAsync($"{api}/indexes", new { name = baseName }))
        {
            created.EnsureSuccessStatusCode();
        }

        var bases = await http.GetFromJsonAsync<JsonArray>($"{api}/indexes") ?? [];
        var baseId = bases.First(b => b!["name"]!.GetValue<string>() == baseName)!["id"]!.GetValue<Guid>();
        var started = Stopwatch.GetTimestamp();
        foreach (var batch in files.Chunk(FilesPerUpload))
        {
            using var form = new MultipartFormDataContent { { new StringContent(baseName), "index" } };
            foreach (var (name, content) in batch)
            {
                form.Add(new ByteArrayContent(content), "files", name);
            }

            using var uploaded = await http.PostAsync($"{api}/upload", form);
            uploaded.EnsureSuccessStatusCode();
        }

        // The base's counts, read every 50 ms: a bench may poll, and 50 ms is small beside what it measures.
        while (true)
        {
            var knowledgeBase = await http.GetFromJsonAsync<JsonObject>($"{api}/indexes/{baseId}") ?? throw new InvalidOperationException("No base.");
            var failed = knowledgeBase["failedCount"]!.GetValue<int>();
            if (failed > 0)
            {
                throw new InvalidOperationException($"{failed} documents of '{baseName}' failed.");
            }

            if (knowledgeBase["readyCount"]!.GetValue<int>() == files.Count)
            {
                return Stopwatch.GetElapsedTime(started).TotalSeconds;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>A PDF of <see cref="PdfPages"/> pages of about 45 lines of prose each, as a manual's pages hold.</summary>
    private static byte[] Pdf(int seed)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var words = SyntheticCorpus.Markdown(PdfPages * 4000, seed).Split((char[])[' ', '\n', '#'], StringSplitOptions.RemoveEmptyEntries);
        var next = 0;
        for (var p = 0; p < PdfPages; p++)
        {
            var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
            for (var y = 800; y > 60; y -= 16)
            {
                var line = new StringBuilder();
                while (line.Length < 80 && next < words.Length)
                {
                    line.Append(words[next++]).Append(' ');
                }

                page.AddText(line.ToString().TrimEnd(), 11, new PdfPoint(40, y), font);
            }
        }

        return builder.Build();
    }
}
