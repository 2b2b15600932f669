using AiNative.Services.Models.Network;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AiNative.Services.Tests.Models;

public sealed class ProviderAddressGuardTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data", "cloud metadata")]
    [InlineData("http://169.254.170.2/v1", "link-local")]
    [InlineData("http://[fe80::1]:11434", "link-local")]
    [InlineData("http://[fd00:ec2::254]/v1", "cloud metadata")]
    [InlineData("http://100.100.100.200/v1", "cloud metadata")]
    [InlineData("http://metadata.google.internal/computeMetadata/v1", "cloud metadata")]
    [InlineData("http://0.0.0.0:11434", "unspecified")]
    [InlineData("http://[::]:11434", "unspecified")]
    [InlineData("http://[::ffff:169.254.169.254]/v1", "cloud metadata")]
    [InlineData("http://[64:ff9b::a9fe:a9fe]/v1", "cloud metadata")]
    public async Task Link_local_metadata_and_unspecified_addresses_are_refused_with_the_setting_that_allows_them(string url, string reason)
    {
        var refusal = await Guard(allow: false).CheckAsync(new Uri(url), Cancel);

        Assert.NotNull(refusal);
        Assert.Contains(reason, refusal);
        Assert.Contains("Portal:Security:AllowLinkLocalProviders=true", refusal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:11434")]
    [InlineData("http://localhost:11434")]
    [InlineData("http://[::1]:8000/v1")]
    [InlineData("http://10.0.0.5:8000/v1")]
    [InlineData("http://172.16.4.2/v1")]
    [InlineData("http://192.168.1.20:1234/v1")]
    [InlineData("https://203.0.113.7/v1")]
    public async Task Loopback_private_and_public_addresses_stay_allowed(string url) =>
        Assert.Null(await Guard(allow: false).CheckAsync(new Uri(url), Cancel));

    [Fact]
    public async Task A_host_name_that_does_not_resolve_is_left_to_the_connect_time_check() =>
        Assert.Null(await Guard(allow: false).CheckAsync(new Uri("http://model-server.invalid/v1"), Cancel));

    [Theory]
    [InlineData("http://169.254.169.254/v1")]
    [InlineData("http://metadata.google.internal/v1")]
    [InlineData("http://0.0.0.0:11434")]
    public async Task An_administrator_can_allow_them(string url) =>
        Assert.Null(await Guard(allow: true).CheckAsync(new Uri(url), Cancel));

    private static ProviderAddressGuard Guard(bool allow) =>
        new(new ServiceCollection()
            .Configure<ProviderAddressOptions>(o => o.AllowLinkLocalProviders = allow)
            .BuildServiceProvider()
            .GetRequiredService<IOptionsMonitor<ProviderAddressOptions>>());
}
