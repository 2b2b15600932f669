using AiNative.Services.Data;
using AiNative.Services.Platform.Seeding;
using AiNative.Services.Teams;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Traces.Scoring;

/// <summary>Gives the demo team three scores to start reviewing with: a yes/no, a 1–5 rating and a thumbs up/down.</summary>
internal sealed class ScoreDefinitionsSeeder(TeamContext team, TimeProvider clock) : IPortalSeeder
{
    public const string Correct = "correct";

    public const string Helpfulness = "helpfulness";

    public const string UserFeedback = "user-feedback";

    public string Name => "traces.score-definitions";

    public int Order => 50;

    public async Task SeedAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        if (!await DemoTeam.EnterAsync(db, team, cancellationToken) || await db.ScoreDefinitions.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        db.ScoreDefinitions.AddRange(
            new ScoreDefinition { Name = Correct, Description = "The answer is right and grounded in its sources.", DataType = ScoreDataType.Boolean, CreatedAt = now },
            new ScoreDefinition
            {
                Name = Helpfulness, Description = "How much the answer helps, from 1 (not at all) to 5 (fully).",
                DataType = ScoreDataType.Numeric, Minimum = 1, Maximum = 5, CreatedAt = now,
            },
            new ScoreDefinition
            {
                Name = UserFeedback, Description = "What the application's user said of the answer.",
                DataType = ScoreDataType.Categorical, Categories = ["positive", "negative"], CreatedAt = now,
            });
        await db.SaveChangesAsync(cancellationToken);
    }
}
