using System.Net;
using System.Net.Sockets;
using OrleansRegistry.Grains;
using OrleansRegistry.Model;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;
using Xunit.Abstractions;
using static OrleansRegistry.Tests.Health.HealthSteps;

namespace OrleansRegistry.Tests.Health;

/// <summary>Probing end to end: real silos, real HTTP backends, the balancers' caches watched.</summary>
[Collection(HealthClusterCollection.Name)]
public sealed class ProbingTests(HealthClusterFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    private HealthBackend Backend => fixture.Backend;

    private IServiceGrain Service(string name) => fixture.GrainFactory.GetGrain<IServiceGrain>(name);

    [Theory]
    [InlineData(BackendMode.Fail)]
    [InlineData(BackendMode.Slow)]
    public async Task Probe_BackendStartsFailing_LeavesEverySilosSelectionWithinBound(BackendMode failure)
    {
        var name = Instances.UniqueService($"bound-{failure}".ToLowerInvariant());
        foreach (var id in new[] { "a", "b", "c" })
        {
            await Service(name).RegisterAsync(Probed(Backend, name, id));
        }

        await WaitForRoundsAsync(fixture.GrainFactory, name, 1, Deadline);
        await WarmEverySiloAsync(fixture.Cluster, name);

        Backend.Set(PathOf(name, "b"), failure);
        var elapsed = await TimeUntilOutOfSelectionAsync(fixture.Cluster, name, "b", HealthClusterFixture.DetectionBound + TimeSpan.FromSeconds(10));

        output.WriteLine($"{failure}: out of every silo's selection after {elapsed.TotalMilliseconds:0} ms (bound {HealthClusterFixture.DetectionBound.TotalMilliseconds:0} ms)");
        Assert.True(elapsed <= HealthClusterFixture.DetectionBound, $"took {elapsed}, bound {HealthClusterFixture.DetectionBound}");
        Assert.Equal(ServiceStatus.Unhealthy, (await InstanceAsync(fixture.GrainFactory, name, "b")).Status);
        await AssertNeverPickedAsync(fixture.Cluster, name, "b");
    }

    [Fact]
    public async Task Probe_BackendRecovers_ReturnsToSelection()
    {
        var name = Instances.UniqueService("recover");
        foreach (var id in new[] { "a", "b", "c" })
        {
            await Service(name).RegisterAsync(Probed(Backend, name, id));
        }

        Backend.Set(PathOf(name, "b"), BackendMode.Fail);
        await WaitForStatusAsync(fixture.GrainFactory, name, "b", ServiceStatus.Unhealthy, Deadline);
        await WarmEverySiloAsync(fixture.Cluster, name);

        Backend.Set(PathOf(name, "b"), BackendMode.Pass);

        await Eventually.TrueAsync(
            () => Task.FromResult(fixture.Cluster.Silos.All(silo => Selectable(fixture.Cluster, silo, name).Contains("b"))),
            Deadline,
            "b back in every silo's selection");
        var stored = await InstanceAsync(fixture.GrainFactory, name, "b");
        Assert.Equal(ServiceStatus.Healthy, stored.Status);
        Assert.False(stored.Panic);
    }

    [Fact]
    public async Task Probe_RedirectingBackend_FailsWithoutFollowing()
    {
        var name = Instances.UniqueService("redirect");
        foreach (var id in new[] { "a", "b", "c" })
        {
            await Service(name).RegisterAsync(Probed(Backend, name, id));
        }

        Backend.Set(PathOf(name, "b"), BackendMode.Redirect);

        await WaitForStatusAsync(fixture.GrainFactory, name, "b", ServiceStatus.Unhealthy, Deadline);
        var report = await ReportAsync(fixture.GrainFactory, name);
        Assert.StartsWith("HTTP 302", report.Instances.Single(i => i.InstanceId == "b").LastResult, StringComparison.Ordinal);
        Assert.Equal(0, Backend.Hits(PathOf(name, "b") + "-target"));
    }

    [Fact]
    public async Task Probe_TcpCheck_FollowsWhetherThePortAccepts()
    {
        var name = Instances.UniqueService("tcp");
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        await Service(name).RegisterAsync(Instances.Create(name, "tcp", port: port) with { Check = new InstanceCheck(Tcp: true) });
        await Service(name).RegisterAsync(Instances.Create(name, "plain-1"));
        await Service(name).RegisterAsync(Instances.Create(name, "plain-2"));

        await WaitForRoundsAsync(fixture.GrainFactory, name, 2, Deadline);
        Assert.Equal(ServiceStatus.Healthy, (await InstanceAsync(fixture.GrainFactory, name, "tcp")).Status);
        Assert.Equal("connected", (await ReportAsync(fixture.GrainFactory, name)).Instances.Single(i => i.InstanceId == "tcp").LastResult);

        listener.Stop();

        await WaitForStatusAsync(fixture.GrainFactory, name, "tcp", ServiceStatus.Unhealthy, Deadline);
    }

    [Fact]
    public async Task Probe_PerInstanceFailureThreshold_OverridesTheDefault()
    {
        var name = Instances.UniqueService("override");
        await Service(name).RegisterAsync(Probed(Backend, name, "quick") with { Check = new InstanceCheck(FailuresBeforeUnhealthy: 1) });
        await Service(name).RegisterAsync(Probed(Backend, name, "patient") with { Check = new InstanceCheck(FailuresBeforeUnhealthy: 4) });
        foreach (var id in new[] { "a", "b", "c" })
        {
            await Service(name).RegisterAsync(Probed(Backend, name, id));
        }

        await WaitForRoundsAsync(fixture.GrainFactory, name, 1, Deadline);
        Backend.Set(PathOf(name, "quick"), BackendMode.Fail);
        Backend.Set(PathOf(name, "patient"), BackendMode.Fail);

        await WaitForStatusAsync(fixture.GrainFactory, name, "quick", ServiceStatus.Unhealthy, Deadline);
        var report = await ReportAsync(fixture.GrainFactory, name);
        Assert.Equal(1, report.Instances.Single(i => i.InstanceId == "quick").ConsecutiveFailures);
        Assert.Equal(ServiceStatus.Healthy, (await InstanceAsync(fixture.GrainFactory, name, "patient")).Status);

        await WaitForStatusAsync(fixture.GrainFactory, name, "patient", ServiceStatus.Unhealthy, Deadline);
        Assert.True((await ReportAsync(fixture.GrainFactory, name)).Instances.Single(i => i.InstanceId == "patient").ConsecutiveFailures >= 4);
    }

    [Fact]
    public async Task Panic_MostInstancesFailAtOnce_KeepsThemSelectableAndListedAsPanic()
    {
        var name = Instances.UniqueService("panic");
        foreach (var id in new[] { "a", "b", "c" })
        {
            await Service(name).RegisterAsync(Probed(Backend, name, id));
        }

        await WaitForRoundsAsync(fixture.GrainFactory, name, 1, Deadline);
        await WarmEverySiloAsync(fixture.Cluster, name);
        foreach (var id in new[] { "a", "b", "c" })
        {
            Backend.Set(PathOf(name, id), BackendMode.Fail);
        }

        await Eventually.TrueAsync(
            async () => (await Service(name).GetInstancesAsync()).All(i => i is { Status: ServiceStatus.Unhealthy, Panic: true }),
            Deadline,
            "every instance unhealthy and kept by the panic guard");
        Assert.True((await ReportAsync(fixture.GrainFactory, name)).Panic);
        foreach (var silo in fixture.Cluster.Silos)
        {
            Assert.Equal(["a", "b", "c"], Selectable(fixture.Cluster, silo, name));
        }

        Backend.Set(PathOf(name, "a"), BackendMode.Pass);
        Backend.Set(PathOf(name, "b"), BackendMode.Pass);

        await Eventually.TrueAsync(
            () => Task.FromResult(fixture.Cluster.Silos.All(silo => Selectable(fixture.Cluster, silo, name).SequenceEqual(["a", "b"]))),
            Deadline,
            "the panic to end with a and b healthy and c out of selection");
        var c = await InstanceAsync(fixture.GrainFactory, name, "c");
        Assert.Equal(ServiceStatus.Unhealthy, c.Status);
        Assert.False(c.Panic);
        Assert.False((await ReportAsync(fixture.GrainFactory, name)).Panic);
    }
}
