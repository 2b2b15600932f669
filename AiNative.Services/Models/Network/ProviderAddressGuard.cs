using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace AiNative.Services.Models.Network;

/// <summary>
/// Keeps provider calls away from link-local, cloud metadata and unspecified addresses (server-side
/// request forgery). A base URL is checked when it is saved, and every connection checks the address
/// it is about to use, so a host name that later resolves elsewhere (DNS rebinding) is still refused.
/// </summary>
public sealed class ProviderAddressGuard(IOptionsMonitor<ProviderAddressOptions> options)
{
    // A save should not hang on a slow resolver; the connect-time check covers what it cannot see.
    private static readonly TimeSpan SaveTimeLookupTimeout = TimeSpan.FromSeconds(5);

    private bool AllowsEverything => options.CurrentValue.AllowLinkLocalProviders;

    /// <summary>
    /// The reason <paramref name="url"/> may not be used, or null when it may. A host name that
    /// cannot be resolved now is accepted: the server may not be up yet, and connections are checked anyway.
    /// </summary>
    public async Task<string?> CheckAsync(Uri url, CancellationToken cancellationToken)
    {
        if (AllowsEverything)
        {
            return null;
        }

        var host = url.IdnHost;
        if (RestrictedAddresses.IsMetadataHostName(host))
        {
            return Refusal(host, null, AddressRestriction.CloudMetadata);
        }

        IPAddress[] addresses;
        if (IPAddress.TryParse(host, out var literal))
        {
            addresses = [literal];
        }
        else
        {
            using var lookup = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            lookup.CancelAfter(SaveTimeLookupTimeout);
            try
            {
                addresses = await Dns.GetHostAddressesAsync(host, lookup.Token);
            }
            catch (SocketException)
            {
                return null;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return null;
            }
        }

        return FirstRefusal(host, addresses);
    }

    /// <summary>The connect callback of provider HTTP handlers: resolves, checks, then connects.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var endpoint = context.DnsEndPoint;
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken);
        if (!AllowsEverything)
        {
            var refusal = RestrictedAddresses.IsMetadataHostName(endpoint.Host)
                ? Refusal(endpoint.Host, null, AddressRestriction.CloudMetadata)
                : FirstRefusal(endpoint.Host, addresses);
            if (refusal is not null)
            {
                throw new ProviderAddressRefusedException(refusal);
            }
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endpoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The handler every provider client sends through.</summary>
    public SocketsHttpHandler CreateHandler() => new()
    {
        ConnectCallback = ConnectAsync,

        // Model APIs do not redirect; following one would send the request somewhere nobody registered.
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
    };

    private static string? FirstRefusal(string host, IEnumerable<IPAddress> addresses) =>
        addresses.Select(a => (Address: a, Restriction: RestrictedAddresses.Of(a)))
            .Where(a => a.Restriction is not null)
            .Select(a => Refusal(host, a.Address, a.Restriction!.Value))
            .FirstOrDefault();

    private static string Refusal(string host, IPAddress? address, AddressRestriction restriction)
    {
        var resolved = address is null || address.ToString() == host.Trim('[', ']') ? string.Empty : $" ({address})";
        var what = restriction switch
        {
            AddressRestriction.LinkLocal => "a link-local address, where cloud metadata services answer",
            AddressRestriction.CloudMetadata => "a cloud metadata service",
            _ => "an unspecified address (0.0.0.0 or ::), which reaches the portal's own host",
        };
        return $"The portal does not connect to {host}{resolved}: it is {what}. Use the model server's own address; " +
            $"if a model server really answers there, an administrator can allow such addresses with {ProviderAddressOptions.AllowanceSetting}.";
    }
}
