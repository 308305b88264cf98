using OrleansRegistry.Health;
using OrleansRegistry.Options;
using OrleansRegistry.Tests.Health;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Fixtures;

/// <summary>
/// A two-silo cluster whose grains (and grain timers) run on a fake clock (<see cref="SettlingClock"/>), with
/// the default health options (Interval 10 s, Timeout 5 s, DeregisterAfter 1 min): TTL leases and
/// eviction are tested without waiting minutes. Orleans' own background work stays on real time.
/// </summary>
public sealed class FakeClockHealthClusterFixture : IAsyncLifetime
{
    public static readonly HealthCheckOptions Options = new() { DeregisterAfter = TimeSpan.FromMinutes(1) };

    public SettlingClock Clock { get; } = new(DateTimeOffset.UtcNow);

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
        // Deactivation during shutdown waits on the grains' clock: move it on a second at every look
        // until the silos are down.
        var stopping = Cluster.DisposeAsync().AsTask();
        await Eventually.TrueAsync(
            () =>
            {
                Clock.Advance(TimeSpan.FromSeconds(1));
                return stopping.IsCompleted;
            },
            TimeSpan.FromMinutes(2),
            "the silos to stop");
        await stopping;
        await Backend.DisposeAsync();
    }

    /// <summary>
    /// Moves the fake clock on by <paramref name="by"/>, waits until the service grain has run a
    /// health tick at that time or later, and then until every tick the move set off has finished
    /// (its status changes and evictions are committed). A grain timer is armed again only after
    /// its tick, so when the move fell between a tick and its re-arming (the first tick, which
    /// runs at registration, may still be running), the clock is moved on by another interval.
    /// </summary>
    public async Task AdvanceAsync(string service, TimeSpan by)
    {
        var target = Clock.GetUtcNow() + by;
        Clock.Advance(by);
        for (var moves = 1; !await TickedAsync(service, target); moves++)
        {
            Assert.True(moves < 5, $"no health tick of {service} at or after {target}");
            Clock.Advance(Options.Interval);
        }

        await Eventually.TrueAsync(() => Clock.Settled, TimeSpan.FromSeconds(10), "every grain timer the clock set off to finish its tick");
    }

    private async Task<bool> TickedAsync(string service, DateTimeOffset target)
    {
        try
        {
            await Eventually.TrueAsync(
                async () => (await GrainFactory.GetGrain<IServiceHealthGrain>(service).GetHealthReportAsync()).LastTickAt >= target,
                TimeSpan.FromSeconds(2),
                $"a health tick of {service} at or after {target}");
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}

[CollectionDefinition(Name)]
public sealed class FakeClockHealthClusterCollection : ICollectionFixture<FakeClockHealthClusterFixture>
{
    public const string Name = "fake-clock health cluster";
}
