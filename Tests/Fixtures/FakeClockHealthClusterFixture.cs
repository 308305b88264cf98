using Microsoft.Extensions.Time.Testing;
using OrleansRegistry.Health;
using OrleansRegistry.Options;
using OrleansRegistry.Tests.Health;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Fixtures;

/// <summary>
/// A two-silo cluster whose grains (and grain timers) run on a <see cref="FakeTimeProvider"/>, with
/// the default health options (Interval 10 s, Timeout 5 s, DeregisterAfter 1 min): TTL leases and
/// eviction are tested without waiting minutes. Orleans' own background work stays on real time.
/// </summary>
public sealed class FakeClockHealthClusterFixture : IAsyncLifetime
{
    public static readonly HealthCheckOptions Options = new() { DeregisterAfter = TimeSpan.FromMinutes(1) };

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public HealthTestCluster Cluster { get; private set; } = null!;

    public HealthBackend Backend { get; private set; } = null!;

    public IGrainFactory GrainFactory => Cluster.GrainFactory;

    public async Task InitializeAsync()
    {
        Backend = await HealthBackend.StartAsync();
        Cluster = await HealthTestCluster.StartAsync(2, options => options.DeregisterAfter = Options.DeregisterAfter, Clock);
    }

    public async Task DisposeAsync()
    {
        // Deactivation during shutdown waits on the grains' clock: keep it moving until the silos are down.
        using var stopped = new CancellationTokenSource();
        var ticking = Task.Run(async () =>
        {
            while (!stopped.IsCancellationRequested)
            {
                Clock.Advance(TimeSpan.FromSeconds(1));
                await Task.Delay(10, CancellationToken.None);
            }
        });
        await Cluster.DisposeAsync();
        await stopped.CancelAsync();
        await ticking;
        await Backend.DisposeAsync();
    }

    /// <summary>
    /// Moves the fake clock on by <paramref name="by"/> and waits until the service grain has run a
    /// health tick at that time or later. The timer re-arms after each tick, so when the move fell
    /// between a tick and its re-arming, the clock is moved on by another interval.
    /// </summary>
    public async Task AdvanceAsync(string service, TimeSpan by)
    {
        var target = Clock.GetUtcNow() + by;
        Clock.Advance(by);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(2);
            while (DateTime.UtcNow < deadline)
            {
                if ((await GrainFactory.GetGrain<IServiceHealthGrain>(service).GetHealthReportAsync()).LastTickAt >= target)
                {
                    // Let the tick finish and the timer re-arm before the next move.
                    await Task.Delay(50);
                    return;
                }

                await Task.Delay(20);
            }

            Clock.Advance(Options.Interval);
        }

        Assert.Fail($"no health tick of {service} at or after {target}");
    }
}

[CollectionDefinition(Name)]
public sealed class FakeClockHealthClusterCollection : ICollectionFixture<FakeClockHealthClusterFixture>
{
    public const string Name = "fake-clock health cluster";
}
