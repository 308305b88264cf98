namespace OrleansRegistry.Health;

/// <summary>TCP probes: the instance passes when a connection to host:port opens.</summary>
public sealed class TcpProber(ProbeAddressGuard guard)
{
    public async Task<ProbeOutcome> ProbeAsync(string host, int port, CancellationToken cancellationToken)
    {
        try
        {
            using var socket = await guard.ConnectAsync(host, port, cancellationToken);
            return ProbeOutcome.Pass("connected");
        }
        catch (System.Net.Sockets.SocketException exception)
        {
            return ProbeOutcome.Fail($"connection failed: {exception.SocketErrorCode}");
        }
    }
}
