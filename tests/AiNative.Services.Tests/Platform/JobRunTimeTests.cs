using AiNative.Services.Platform.Jobs;
using AiNative.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Services.Tests.Platform;

public sealed class JobRunTimeTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_job_that_hangs_past_its_maximum_run_time_is_stopped_and_failed_with_the_reason()
    {
        await using var host = await ServicesHost.StartAsync(services =>
        {
            services.AddScoped<IJobHandler, HangingJobHandler>();
            services.AddSingleton<HangingJobFailures>();
            services.Configure<JobOptions>(o =>
            {
                o.MaxRunTime = TimeSpan.FromMilliseconds(300);
                o.MaxAttempts = 1;
            });
        });
        await using var scope = host.InTeam(await host.DemoTeamIdAsync());
        Guid id;
        await using (var db = await scope.DbAsync())
        {
            id = scope.Get<JobQueue>().Add(db, HangingJobHandler.JobKind, new { }).Id;
            await db.SaveChangesAsync(Cancel);
        }

        scope.Get<JobQueue>().Wake();
        var job = await scope.FinishedAsync(id);

        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Equal("The job ran longer than its limit of 00:00:00.3000000 (Portal:Jobs:MaxRunTime) and was stopped.", job.Error);
        Assert.Null(job.LeaseOwner);
        Assert.Contains(job.Error, host.Services.GetRequiredService<HangingJobFailures>().Reasons);
    }
}
