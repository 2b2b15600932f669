using System.Net;
using System.Net.Http;

namespace AiNative.Services.Models.Network;

/// <summary>
/// When an outbound proxy carries a provider call, the connect-time check sees only the proxy's
/// address; this checks the provider's own host before the request leaves, the same way a saved
/// base URL is checked.
/// </summary>
internal sealed class ProxiedRequestGuard(ProviderAddressGuard guard, IWebProxy? proxy = null) : DelegatingHandler
{
    private readonly IWebProxy _proxy = proxy ?? HttpClient.DefaultProxy;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } target && GoesThroughProxy(target)
            && await guard.CheckAsync(target, cancellationToken) is { } refusal)
        {
            throw new ProviderAddressRefusedException(refusal);
        }

        return await base.SendAsync(request, cancellationToken);
    }

    private bool GoesThroughProxy(Uri target) =>
        !_proxy.IsBypassed(target) && _proxy.GetProxy(target) is { } via && via != target;
}
