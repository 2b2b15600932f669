using AiNative.Services.Platform.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AiNative.Services.Tests.Platform;

public sealed class JobOptionsTests
{
    [Fact]
    public void A_maximum_run_time_of_40_days_is_accepted_as_the_timers_allow()
    {
        Assert.Equal(TimeSpan.FromDays(40), Options("40.00:00:00").MaxRunTime);
    }

    [Fact]
    public void A_maximum_run_time_past_the_longest_timer_is_refused_in_words()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Options("50.00:00:00"));

        Assert.Contains("Portal:Jobs:MaxRunTime must be between 00:00:00.001 and 49.17:02:47.2940000 (about 49.7 days", error.Message);
    }

    private static JobOptions Options(string maxRunTime)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Portal:Jobs:MaxRunTime"] = maxRunTime })
            .Build());
        services.AddJobs();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<JobOptions>>().Value;
    }
}
