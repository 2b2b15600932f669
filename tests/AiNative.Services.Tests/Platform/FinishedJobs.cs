using AiNative.Services.Platform.Jobs;
using AiNative.Testing;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Tests.Platform;

internal static class FinishedJobs
{
    /// <summary>The job once it has succeeded or failed; as it stands after <see cref="Poll.Patience"/>, for the test's assertions to show.</summary>
    public static Task<Job> FinishedAsync(this TeamScope scope, Guid id) => Poll.UntilAsync(async () =>
    {
        await using var db = await scope.DbAsync();
        return await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == id, TestContext.Current.CancellationToken);
    }, job => job.Status is JobStatus.Succeeded or JobStatus.Failed);
}
