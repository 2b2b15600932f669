using System.Text.Json.Nodes;
using AiNative.Portal.Client.Contracts.Experiments;
using AiNative.Portal.Client.Contracts.Traces;

namespace AiNative.Portal.Tests.Experiments;

/// <summary>Three cells to review in memory: it records the scores pages send and walks the queue as the service does.</summary>
internal sealed class FakeExperimentReviewApi : IExperimentReviewApi
{
    public List<ReviewCellDto> Cells { get; } =
    [
        Cell(1, "Paris is the **capital**. <script>alert('x')</script>"),
        Cell(2, "Rome."),
        Cell(3, "Madrid."),
    ];

    public List<(Guid CellId, AddScoreRequest Request)> Scored { get; } = [];

    public Task<ReviewQueueDto> NextAsync(Guid experimentId, string score, Guid? after = null, CancellationToken cancellationToken = default)
    {
        var open = Cells.Where(c => !Scored.Any(s => s.CellId == c.CellId && s.Request.Name == score)).ToList();
        var skipped = Cells.FindIndex(c => c.CellId == after);
        var next = open.FirstOrDefault(c => Cells.IndexOf(c) > skipped && after is not null) ?? open.FirstOrDefault();
        return Task.FromResult(new ReviewQueueDto("Support comparison", score, Cells.Count - open.Count, Cells.Count, next));
    }

    public Task<ScoreDto> ScoreAsync(Guid experimentId, Guid cellId, AddScoreRequest request, CancellationToken cancellationToken = default)
    {
        Scored.Add((cellId, request));
        return Task.FromResult(new ScoreDto(Guid.NewGuid(), Guid.NewGuid(), null, request.Name, ScoreDataTypeDto.Numeric, request.Value, request.StringValue,
            ScoreSourceDto.Human, null, null, "Pat Person", request.Comment, DateTimeOffset.UtcNow));
    }

    public ReviewSummaryDto Summary { get; set; } = new([], [], 5);

    public Task<ReviewSummaryDto> GetSummaryAsync(Guid experimentId, CancellationToken cancellationToken = default) => Task.FromResult(Summary);

    private static ReviewCellDto Cell(long number, string output) =>
        new(Guid.NewGuid(), Guid.NewGuid(), number, "Support answer v2", new JsonObject { ["question"] = $"Question {number}" }, $"Expected {number}", output);
}
