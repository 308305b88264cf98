using Microsoft.Extensions.Logging.Abstractions;
using OrleansRegistry.Health;
using OrleansRegistry.Options;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Health;

public sealed class InstanceProberTests : IAsyncLifetime, IDisposable
{
    private HealthBackend _backend = null!;
    private readonly HttpProber _http = new(ProbeAddressGuard.System);

    public async Task InitializeAsync() => _backend = await HealthBackend.StartAsync();

    public async Task DisposeAsync() => await _backend.DisposeAsync();

    public void Dispose()
    {
        _http.Dispose();
    }

    [Fact]
    public async Task ProbeAllAsync_ManyTargets_RunsAtMostMaxConcurrentProbesAtOnce()
    {
        _backend.SlowDelay = TimeSpan.FromMilliseconds(300);
        _backend.Set("shared", BackendMode.Slow);
        var prober = Create(new HealthCheckOptions { MaxConcurrentProbes = 2, Timeout = TimeSpan.FromSeconds(5) });
        var targets = Enumerable.Range(0, 6).Select(i => new ProbeTarget($"i{i}", 1, ProbeKind.Http, "127.0.0.1", _backend.Port, _backend.Url("shared"))).ToArray();

        var results = await prober.ProbeAllAsync("svc", targets);

        Assert.All(results, result => Assert.True(result.Passed, result.Detail));
        Assert.Equal(6, _backend.Hits("shared"));
        Assert.Equal(2, _backend.MaxInFlight("shared"));
    }

    [Fact]
    public async Task ProbeAllAsync_SlowTarget_TimesOutWithoutDelayingTheOthersResults()
    {
        _backend.Set("slow", BackendMode.Slow);
        _backend.Set("down", BackendMode.Fail);
        // The slow target answers after 3 s; 2 s leaves the other probes room on a busy machine (the first probe pays for HttpClient's start).
        var prober = Create(new HealthCheckOptions { Timeout = TimeSpan.FromSeconds(2) });

        var results = await prober.ProbeAllAsync("svc",
        [
            new ProbeTarget("slow", 1, ProbeKind.Http, "127.0.0.1", _backend.Port, _backend.Url("slow")),
            new ProbeTarget("down", 1, ProbeKind.Http, "127.0.0.1", _backend.Port, _backend.Url("down")),
            new ProbeTarget("up", 1, ProbeKind.Http, "127.0.0.1", _backend.Port, _backend.Url("up")),
        ]);

        Assert.Equal([false, false, true], results.Select(r => r.Passed));
        Assert.StartsWith("timed out", results[0].Detail, StringComparison.Ordinal);
        Assert.Equal("HTTP 503", results[1].Detail);
    }

    [Fact]
    public async Task ProbeAllAsync_RefusedTarget_FailsWithTheReason()
    {
        var prober = Create(new HealthCheckOptions());

        var result = Assert.Single(await prober.ProbeAllAsync("svc", [new ProbeTarget("meta", 1, ProbeKind.Tcp, "169.254.169.254", 80, null)]));

        Assert.False(result.Passed);
        Assert.StartsWith("refused", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProbeAllAsync_SlowTarget_ReportsHowLongTheProbeTook()
    {
        _backend.SlowDelay = TimeSpan.FromMilliseconds(300);
        _backend.Set("slow", BackendMode.Slow);
        var prober = Create(new HealthCheckOptions { Timeout = TimeSpan.FromSeconds(5) });

        var result = Assert.Single(await prober.ProbeAllAsync("svc", [new ProbeTarget("slow", 1, ProbeKind.Http, "127.0.0.1", _backend.Port, _backend.Url("slow"))]));

        Assert.True(result.Passed, result.Detail);
        Assert.InRange(result.Latency, TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(5));
    }

    private InstanceProber Create(HealthCheckOptions options) => new(
        _http,
        new TcpProber(ProbeAddressGuard.System),
        StandaloneMetrics.Create(),
        Microsoft.Extensions.Options.Options.Create(options),
        TimeProvider.System,
        NullLogger<InstanceProber>.Instance);
}
