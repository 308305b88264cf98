using System.Net;
using System.Net.Sockets;
using OrleansRegistry.Health;

namespace OrleansRegistry.Tests.Health;

public sealed class TcpProberTests
{
    private readonly TcpProber _prober = new(ProbeAddressGuard.System);

    [Fact]
    public async Task ProbeAsync_ListeningPort_Passes()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));

        var outcome = await _prober.ProbeAsync("127.0.0.1", ((IPEndPoint)listener.LocalEndpoint).Port, timeout.Token);

        Assert.True(outcome.Passed);
    }

    [Fact]
    public async Task ProbeAsync_ClosedPort_Fails()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));

        var outcome = await _prober.ProbeAsync("127.0.0.1", HttpProberTests.ClosedPort(), timeout.Token);

        Assert.False(outcome.Passed);
        Assert.Contains("ConnectionRefused", outcome.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProbeAsync_LinkLocalHost_IsRefused()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));

        await Assert.ThrowsAsync<ProbeRefusedException>(() => _prober.ProbeAsync("169.254.169.254", 80, timeout.Token));
    }
}
