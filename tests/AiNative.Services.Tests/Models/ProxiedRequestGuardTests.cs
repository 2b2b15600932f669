using System.Net;
using AiNative.Services.Models.Network;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AiNative.Services.Tests.Models;

public sealed class ProxiedRequestGuardTests
{
    private static readonly ProviderAddressGuard Guard = new(new ServiceCollection()
        .AddOptions()
        .BuildServiceProvider()
        .GetRequiredService<IOptionsMonitor<ProviderAddressOptions>>());

    [Fact]
    public async Task Through_a_proxy_a_request_to_a_metadata_address_is_refused_before_it_leaves()
    {
        var sent = new RecordingHandler();
        using var client = new HttpClient(new ProxiedRequestGuard(Guard, new WebProxy("http://127.0.0.1:3128")) { InnerHandler = sent });

        await Assert.ThrowsAsync<ProviderAddressRefusedException>(
            () => client.GetAsync("http://169.254.169.254/latest/meta-data/", TestContext.Current.CancellationToken));

        Assert.Equal(0, sent.Count);
    }

    [Fact]
    public async Task Through_a_proxy_an_allowed_address_goes_on()
    {
        var sent = new RecordingHandler();
        using var client = new HttpClient(new ProxiedRequestGuard(Guard, new WebProxy("http://127.0.0.1:3128")) { InnerHandler = sent });

        await client.GetAsync("http://127.0.0.1:11434/api/tags", TestContext.Current.CancellationToken);

        Assert.Equal(1, sent.Count);
    }

    private sealed class RecordingHandler : HttpMessageHandler
    {
        public int Count { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Count++;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        }
    }
}
