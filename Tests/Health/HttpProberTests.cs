using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using OrleansRegistry.Health;

namespace OrleansRegistry.Tests.Health;

public sealed class HttpProberTests : IAsyncLifetime, IDisposable
{
    private HealthBackend _backend = null!;
    private readonly HttpProber _prober = new(ProbeAddressGuard.System);

    public async Task InitializeAsync() => _backend = await HealthBackend.StartAsync();

    public async Task DisposeAsync() => await _backend.DisposeAsync();

    public void Dispose() => _prober.Dispose();

    [Fact]
    public async Task ProbeAsync_Ok_Passes()
    {
        var outcome = await ProbeAsync(_backend.Url("up"));

        Assert.True(outcome.Passed);
        Assert.Equal("HTTP 200", outcome.Detail);
    }

    [Fact]
    public async Task ProbeAsync_ServerError_Fails()
    {
        _backend.Set("down", BackendMode.Fail);

        var outcome = await ProbeAsync(_backend.Url("down"));

        Assert.False(outcome.Passed);
        Assert.Equal("HTTP 503", outcome.Detail);
    }

    [Fact]
    public async Task ProbeAsync_Redirect_FailsWithoutFollowingIt()
    {
        _backend.Set("moved", BackendMode.Redirect);

        var outcome = await ProbeAsync(_backend.Url("moved"));

        Assert.False(outcome.Passed);
        Assert.StartsWith("HTTP 302", outcome.Detail, StringComparison.Ordinal);
        Assert.Equal(0, _backend.Hits("moved-target"));
    }

    [Fact]
    public async Task ProbeAsync_SlowerThanTimeout_IsCancelled()
    {
        _backend.Set("slow", BackendMode.Slow);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _prober.ProbeAsync(new Uri(_backend.Url("slow")), timeout.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task ProbeAsync_ConnectionRefused_Fails()
    {
        var outcome = await ProbeAsync($"http://127.0.0.1:{ClosedPort()}/health");

        Assert.False(outcome.Passed);
        Assert.Contains("ConnectionError", outcome.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProbeAsync_EndlessBody_ReadsAtMost4KiBAndPasses()
    {
        _backend.Set("chatty", BackendMode.EndlessBody);
        var clock = Stopwatch.StartNew();

        var outcome = await ProbeAsync(_backend.Url("chatty"));

        Assert.True(outcome.Passed);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}: the body was read past its first 4 KiB");
    }

    [Fact]
    public async Task ProbeAsync_NameResolvingToMetadataAddress_IsRefusedWithoutConnecting()
    {
        var resolved = new List<string>();
        var guard = new ProbeAddressGuard((host, _) =>
        {
            resolved.Add(host);
            return Task.FromResult(host == "metadata.test" ? [IPAddress.Parse("169.254.169.254")] : new[] { IPAddress.Loopback });
        });
        using var prober = new HttpProber(guard);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));

        await Assert.ThrowsAsync<ProbeRefusedException>(() => prober.ProbeAsync(new Uri($"http://metadata.test:{_backend.Port}/health/meta"), timeout.Token));
        var allowed = await prober.ProbeAsync(new Uri($"http://backend.test:{_backend.Port}/health/named"), timeout.Token);

        Assert.Equal(["metadata.test", "backend.test"], resolved);
        Assert.Equal(0, _backend.Hits("meta"));
        Assert.True(allowed.Passed);
        Assert.Equal(1, _backend.Hits("named"));
    }

    internal static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private async Task<ProbeOutcome> ProbeAsync(string url)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        return await _prober.ProbeAsync(new Uri(url), timeout.Token);
    }
}
