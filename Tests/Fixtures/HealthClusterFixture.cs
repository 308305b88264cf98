using OrleansRegistry.Options;
using OrleansRegistry.Tests.Health;

namespace OrleansRegistry.Tests.Fixtures;

/// <summary>
/// A two-silo cluster that checks fast (Interval 1 s, Timeout 0.8 s, 2 failures, 1 success),
/// with a Kestrel health backend on loopback. Shared by the real-time health tests.
/// </summary>
public sealed class HealthClusterFixture : IAsyncLifetime
{
    public static readonly HealthCheckOptions Options = new()
    {
        Interval = TimeSpan.FromSeconds(1),
        Timeout = TimeSpan.FromMilliseconds(800),
        FailuresBeforeUnhealthy = 2,
        SuccessesBeforeHealthy = 1,
        DeregisterAfter = TimeSpan.FromMinutes(1),
        AllowedHosts = ["localhost"],
    };

    /// <summary>The bound on how long a failing backend may stay selectable: Interval × Failures + Timeout + 1 s.</summary>
    public static TimeSpan DetectionBound => (Options.Interval * Options.FailuresBeforeUnhealthy) + Options.Timeout + TimeSpan.FromSeconds(1);

    public HealthTestCluster Cluster { get; private set; } = null!;

    public HealthBackend Backend { get; private set; } = null!;

    public IGrainFactory GrainFactory => Cluster.GrainFactory;

    public async Task InitializeAsync()
    {
        Backend = await HealthBackend.StartAsync();
        Cluster = await HealthTestCluster.StartAsync(2, Copy);
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Backend.DisposeAsync();
    }

    public static void Copy(HealthCheckOptions target)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Interval = Options.Interval;
        target.Timeout = Options.Timeout;
        target.FailuresBeforeUnhealthy = Options.FailuresBeforeUnhealthy;
        target.SuccessesBeforeHealthy = Options.SuccessesBeforeHealthy;
        target.DeregisterAfter = Options.DeregisterAfter;
        target.AllowedHosts = Options.AllowedHosts;
    }
}

[CollectionDefinition(Name)]
public sealed class HealthClusterCollection : ICollectionFixture<HealthClusterFixture>
{
    public const string Name = "health cluster";
}
