using System.Net;
using System.Net.Sockets;
using OrleansRegistry.Validation;

namespace OrleansRegistry.Health;

/// <summary>
/// Resolves a probe's host and connects to it, refusing link-local and cloud metadata addresses
/// after resolution. Registration already refuses such addresses in any spelling (both read hosts
/// through <see cref="CanonicalHost"/>); this catches names that resolve there (or are re-pointed
/// there later), and the socket connects to the address that was checked, so a second lookup
/// cannot swap it.
/// </summary>
public sealed class ProbeAddressGuard(Func<string, CancellationToken, Task<IPAddress[]>> resolve)
{
    /// <summary>A guard over the system resolver.</summary>
    public static ProbeAddressGuard System { get; } = new(Dns.GetHostAddressesAsync);

    /// <summary>The host's addresses; throws <see cref="ProbeRefusedException"/> if any of them is forbidden.</summary>
    public async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        if (!CanonicalHost.TryParse(host, out var canonical))
        {
            throw new ProbeRefusedException("the probe's host is not a valid host name or IP address");
        }

        // A name is resolved as written (a trailing dot keeps it absolute); every answer is checked.
        var addresses = canonical.Address is { } literal ? [literal] : await resolve(host, cancellationToken);
        if (addresses.Length == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }

        // Any forbidden answer refuses the whole name: a resolver mixing one in is not to be trusted.
        foreach (var address in addresses)
        {
            if (RegistryValidator.IsAlwaysForbidden(address))
            {
                throw new ProbeRefusedException(host, address);
            }
        }

        return addresses;
    }

    /// <summary>A TCP connection to <paramref name="host"/>:<paramref name="port"/> through a checked address.</summary>
    public async Task<Socket> ConnectAsync(string host, int port, CancellationToken cancellationToken)
    {
        var addresses = await ResolveAsync(host, cancellationToken);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, port, cancellationToken);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
