using System.Text;
using AiNative.Services.Data;
using AiNative.Services.Platform.Seeding;
using AiNative.Services.Teams;

namespace AiNative.Services.Knowledge;

/// <summary>
/// Gives the demo team a "Portal handbook" base on the offline embedding model with a few Markdown
/// pages about the portal, queued for ingestion, so search and answers work on first start.
/// </summary>
internal sealed class KnowledgeHandbookSeeder(TeamContext team, KnowledgeBases bases, DocumentUploads uploads) : IPortalSeeder
{
    public string Name => "knowledge.handbook";

    public int Order => 30;

    public async Task SeedAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        if (!await DemoTeam.EnterAsync(db, team, cancellationToken))
        {
            return;
        }

        var handbook = await bases.CreateAsync(new KnowledgeBaseInput(HandbookDocuments.BaseName, HandbookDocuments.BaseDescription), cancellationToken);
        foreach (var (fileName, markdown, topic) in HandbookDocuments.All)
        {
            using var content = new MemoryStream(Encoding.UTF8.GetBytes(markdown));
            await uploads.UploadAsync(
                handbook.Id.ToString(),
                [new UploadFile(fileName, content)],
                new Dictionary<string, List<string>> { ["topic"] = [topic], ["source"] = ["handbook"] },
                null,
                cancellationToken);
        }
    }
}
