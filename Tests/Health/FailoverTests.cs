using Microsoft.Extensions.DependencyInjection;
using OrleansRegistry.Grains;
using OrleansRegistry.Model;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;
using Xunit.Abstractions;
using static OrleansRegistry.Tests.Health.HealthSteps;

namespace OrleansRegistry.Tests.Health;

/// <summary>
/// Killing the silo that runs a checked service's grain: probing resumes on another silo within
/// the membership's detection time plus one interval, and no registration or status is lost.
/// Three silos, grain state and reminders kept outside the silos (as a real store would be).
/// </summary>
public sealed class FailoverTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);
    private static readonly string[] Checked = ["a", "b", "c"];
    private HealthBackend _backend = null!;
    private HealthTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _backend = await HealthBackend.StartAsync();
        _cluster = await HealthTestCluster.StartAsync(3, HealthClusterFixture.Copy);
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        await _backend.DisposeAsync();
    }

    [Fact]
    public async Task KillSilo_RunningTheServiceGrain_ProbingResumesElsewhereAndNothingIsLost()
    {
        var name = Instances.UniqueService("failover");
        var service = _cluster.GrainFactory.GetGrain<IServiceGrain>(name);
        foreach (var id in Checked)
        {
            await service.RegisterAsync(Probed(_backend, name, id));
        }

        await service.RegisterAsync(Instances.Create(name, "plain"));
        _backend.Set(PathOf(name, "b"), BackendMode.Fail);
        await WaitForStatusAsync(_cluster.GrainFactory, name, "b", ServiceStatus.Unhealthy, Deadline);
        await WaitForRoundsAsync(_cluster.GrainFactory, name, 1, Deadline);
        var before = await service.GetInstancesAsync();
        var reportBefore = await ReportAsync(_cluster.GrainFactory, name);

        var victim = _cluster.SiloOf(reportBefore.Silo);
        var survivor = _cluster.Silos.First(silo => silo != victim);
        var survivorFactory = HealthTestCluster.GrainFactoryOf(survivor);
        var membership = survivor.ServiceProvider.GetRequiredService<IClusterMembershipService>();
        var killedAt = _backend.Now;
        await _cluster.Cluster.KillSiloAsync(victim);
        var killReturnedAt = _backend.Now;

        await Eventually.TrueAsync(
            () => Task.FromResult(membership.CurrentSnapshot.GetSiloStatus(victim.SiloAddress) == SiloStatus.Dead),
            TimeSpan.FromMinutes(2),
            "the killed silo to be declared dead");
        var detectedAt = _backend.Now;
        await Eventually.TrueAsync(
            () => Task.FromResult(Checked.All(id => _backend.FirstHitAfter(PathOf(name, id), killReturnedAt) is not null)),
            TimeSpan.FromMinutes(1),
            "every checked instance to be probed again");
        var resumedAt = Checked.Min(id => _backend.FirstHitAfter(PathOf(name, id), killReturnedAt)!.Value);

        var detection = detectedAt - killedAt;
        var resume = resumedAt - killedAt;
        var interval = HealthClusterFixture.Options.Interval;
        output.WriteLine($"membership detection {detection.TotalMilliseconds:0} ms; probing resumed {resume.TotalMilliseconds:0} ms after the kill (bound: detection + interval {interval.TotalMilliseconds:0} ms)");
        // The slack covers scheduling delay on a loaded 2-core machine (the suite runs tests in parallel).
        Assert.True(resume <= detection + interval + TimeSpan.FromSeconds(1), $"resumed after {resume}, detection {detection}");

        var reportAfter = await ReportAsync(survivorFactory, name);
        Assert.NotEqual(reportBefore.Silo, reportAfter.Silo);
        var after = await survivorFactory.GetGrain<IServiceGrain>(name).GetInstancesAsync();
        Assert.Equal(before.Select(i => (i.Id, i.Status, i.CreatedAt)), after.Select(i => (i.Id, i.Status, i.CreatedAt)));
        Assert.Equal(
            reportBefore.Instances.Single(i => i.InstanceId == "b").UnhealthySince,
            reportAfter.Instances.Single(i => i.InstanceId == "b").UnhealthySince);

        // Checking goes on there: b recovers through the new activation's probes.
        _backend.Set(PathOf(name, "b"), BackendMode.Pass);
        await WaitForStatusAsync(survivorFactory, name, "b", ServiceStatus.Healthy, Deadline);
    }
}
