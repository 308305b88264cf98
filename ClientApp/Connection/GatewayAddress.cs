using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace OrleansRegistry.ClientApp.Connection;

/// <summary>A silo's client gateway as the user wrote it: <c>host:port</c>, or <c>[::1]:30000</c> for IPv6.</summary>
internal sealed record GatewayAddress(string Host, int Port)
{
    /// <summary>Every gateway of a comma-separated list (one gateway is a list of one); throws <see cref="FormatException"/> at the first malformed one.</summary>
    public static IEnumerable<GatewayAddress> ParseList(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Parse);
    }

    /// <summary>One gateway; throws <see cref="FormatException"/> saying what is wrong with it.</summary>
    public static GatewayAddress Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var colon = trimmed.LastIndexOf(':');
        if (colon <= 0
            || !int.TryParse(trimmed.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            || port is < 1 or > 65535)
        {
            throw new FormatException($"gateway '{text}' must be host:port with a port from 1 to 65535");
        }

        var host = trimmed[..colon];
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }
        else if (host.Contains(':', StringComparison.Ordinal))
        {
            throw new FormatException($"gateway '{text}': write an IPv6 address in brackets, as [::1]:30000");
        }

        if (Uri.CheckHostName(host) == UriHostNameType.Unknown)
        {
            throw new FormatException($"gateway '{text}' has an invalid host");
        }

        return new GatewayAddress(host, port);
    }

    /// <summary>The endpoint to dial. A name resolves to its first IPv4 address when it has one, as silos listen on IPv4 by default.</summary>
    public async Task<IPEndPoint> ResolveAsync(CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(Host, out var literal))
        {
            return new IPEndPoint(literal, Port);
        }

        var addresses = await Dns.GetHostAddressesAsync(Host, cancellationToken);
        var address = addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses.FirstOrDefault()
            ?? throw new SocketException((int)SocketError.HostNotFound);
        return new IPEndPoint(address, Port);
    }

    public override string ToString() =>
        Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}
