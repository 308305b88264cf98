using System.Diagnostics;
using OrleansRegistry.Grains;
using OrleansRegistry.Health;
using OrleansRegistry.Model;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Health;

/// <summary>Steps the health tests share: instances probed at the backend, and waits on what the cluster shows.</summary>
public static class HealthSteps
{
    /// <summary>An instance on loopback whose health URL is the backend path <c>{service}-{id}</c>.</summary>
    public static ServiceInstance Probed(HealthBackend backend, string service, string id) =>
        Instances.Create(service, id, port: backend.Port, healthCheckUrl: backend.Url(PathOf(service, id)));

    public static string PathOf(string service, string id) => $"{service}-{id}";

    public static async Task<ServiceInstance> InstanceAsync(IGrainFactory factory, string service, string id) =>
        await factory.GetGrain<IServiceGrain>(service).GetInstanceAsync(id) ?? throw new InvalidOperationException($"{service}/{id} is not registered");

    public static Task<ServiceHealthReport> ReportAsync(IGrainFactory factory, string service) =>
        factory.GetGrain<IServiceHealthGrain>(service).GetHealthReportAsync();

    public static Task WaitForStatusAsync(IGrainFactory factory, string service, string id, ServiceStatus status, TimeSpan deadline) =>
        Eventually.TrueAsync(
            async () => (await InstanceAsync(factory, service, id)).Status == status,
            deadline,
            $"{service}/{id} to be {status}");

    /// <summary>Waits until the grain has applied <paramref name="rounds"/> more probe rounds.</summary>
    public static async Task WaitForRoundsAsync(IGrainFactory factory, string service, int rounds, TimeSpan deadline)
    {
        var start = (await ReportAsync(factory, service)).Rounds;
        await Eventually.TrueAsync(async () => (await ReportAsync(factory, service)).Rounds >= start + rounds, deadline, $"{rounds} probe rounds of {service}");
    }

    /// <summary>Makes every silo's balancer hold the service, as callers would.</summary>
    public static async Task WarmEverySiloAsync(HealthTestCluster cluster, string service)
    {
        foreach (var silo in cluster.Silos)
        {
            Assert.NotNull(await HealthTestCluster.GrainFactoryOf(silo).GetGrain<IBalancerGrain>(0).SelectAsync(service, LoadBalancingStrategy.RoundRobin));
        }
    }

    /// <summary>How long until no silo's balancer cache offers <paramref name="id"/> any more.</summary>
    public static async Task<TimeSpan> TimeUntilOutOfSelectionAsync(HealthTestCluster cluster, string service, string id, TimeSpan deadline)
    {
        var started = Stopwatch.GetTimestamp();
        await Eventually.TrueAsync(
            () => !cluster.Silos.Any(silo => Selectable(cluster, silo, service).Contains(id)),
            deadline,
            $"no silo to offer {service}/{id} any more");
        return Stopwatch.GetElapsedTime(started);
    }

    public static async Task AssertNeverPickedAsync(HealthTestCluster cluster, string service, string id)
    {
        foreach (var silo in cluster.Silos)
        {
            var balancer = HealthTestCluster.GrainFactoryOf(silo).GetGrain<IBalancerGrain>(0);
            for (var i = 0; i < 30; i++)
            {
                Assert.NotEqual(id, (await balancer.SelectAsync(service, LoadBalancingStrategy.RoundRobin))?.Instance.Id);
            }
        }
    }

    public static IReadOnlyList<string> Selectable(HealthTestCluster cluster, Orleans.TestingHost.InProcessSiloHandle silo, string service) =>
        HealthTestCluster.CacheOf(silo).TryGet(service, out var entry) ? entry.Current.Selectable.Select(i => i.Id).ToArray() : [];
}
