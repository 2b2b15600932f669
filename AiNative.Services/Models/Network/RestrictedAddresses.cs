using System.Net;
using System.Net.Sockets;

namespace AiNative.Services.Models.Network;

/// <summary>
/// The addresses and host names that server-side request forgery aims at. Loopback and private
/// ranges are not among them: local model servers (Ollama, vLLM) live there.
/// </summary>
public static class RestrictedAddresses
{
    private static readonly IPAddress[] MetadataAddresses =
    [
        IPAddress.Parse("169.254.169.254"), // AWS, Azure, GCP, DigitalOcean, Oracle
        IPAddress.Parse("fd00:ec2::254"),   // AWS over IPv6
        IPAddress.Parse("100.100.100.200"), // Alibaba Cloud
        IPAddress.Parse("192.0.0.192"),     // Oracle Cloud (classic)
        IPAddress.Parse("168.63.129.16"),   // Azure WireServer
    ];

    private static readonly HashSet<string> MetadataHostNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "metadata",
        "metadata.google.internal",
        "metadata.goog",
        "instance-data",
        "instance-data.ec2.internal",
        "metadata.tencentyun.com",
    };

    // NAT64 (RFC 6052) embeds an IPv4 address in 64:ff9b::/96, another way to spell 169.254.169.254.
    private static readonly byte[] Nat64Prefix = [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0];

    public static AddressRestriction? Of(IPAddress address)
    {
        var ip = Unwrap(address);
        if (MetadataAddresses.Contains(ip))
        {
            return AddressRestriction.CloudMetadata;
        }

        if (ip.AddressFamily == AddressFamily.InterNetwork)
        {
            var bytes = ip.GetAddressBytes();
            return bytes switch
            {
                [169, 254, _, _] => AddressRestriction.LinkLocal,
                [0, _, _, _] => AddressRestriction.Unspecified,
                _ => null,
            };
        }

        if (ip.Equals(IPAddress.IPv6Any))
        {
            return AddressRestriction.Unspecified;
        }

        return ip.IsIPv6LinkLocal ? AddressRestriction.LinkLocal : null;
    }

    /// <summary>Host names of metadata services, refused before any lookup (a lookup may fail where the portal runs).</summary>
    public static bool IsMetadataHostName(string host) => MetadataHostNames.Contains(host.TrimEnd('.'));

    /// <summary>The IPv4 address inside an IPv4-mapped or NAT64 IPv6 address; any other address as it is.</summary>
    private static IPAddress Unwrap(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            if (bytes.AsSpan(0, 12).SequenceEqual(Nat64Prefix))
            {
                return new IPAddress(bytes.AsSpan(12, 4));
            }
        }

        return address;
    }
}
