using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OrleansRegistry.Contracts;
using OrleansRegistry.Registry;
using OrleansRegistry.Tests.Health;
using Xunit.Abstractions;

namespace OrleansRegistry.Tests.Processes;

/// <summary>
/// The production shape under failure: real silo processes on a real backend (Azurite, and for the
/// crash test Redis and PostgreSQL too), killed, restarted and cut off from storage. Each test builds its own cluster.
/// </summary>
[Collection(ProcessClusterCollection.Name)]
public sealed class ClusterCrashTests(ITestOutputHelper output)
{
    private const int Services = 50;
    private static readonly HttpClient Writer = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>
    /// kill -9 of the silo hosting most service grains while writes and reads run, then a full
    /// restart of all three. Azure Storage carries the full load; Redis and PostgreSQL the same
    /// sequence with fewer instances per service, to keep the suite's time in check.
    /// </summary>
    [Theory]
    [InlineData(ClusterBackend.AzureStorage, 10)]
    [InlineData(ClusterBackend.Redis, 4)]
    [InlineData(ClusterBackend.PostgreSql, 4)]
    public async Task KillDashNineThenFullRestart_SiloHostingMostServices_LosesNoAcknowledgedRegistration(ClusterBackend store, int instancesPerService)
    {
        string[] siloArguments = ["--Registry:HealthCheck:Interval=00:00:01", "--Registry:HealthCheck:Timeout=00:00:00.500"];
        await using var backend = await HealthBackend.StartAsync();
        await using var cluster = await ProcessCluster.StartAsync(store, 3, siloArguments);
        var acknowledged = new ConcurrentDictionary<(string Service, string Id), bool>();
        var reads = new ReadCounter();
        using var stopReads = new CancellationTokenSource();

        // One health-checked instance per service, probed every second by whichever silo hosts the service grain.
        for (var s = 0; s < Services; s++)
        {
            using var response = await PutInstanceAsync(cluster.Silos[s % 3], ServiceName(s), "checked", backend.Url(ServiceName(s)));
            response.EnsureSuccessStatusCode();
            acknowledged[(ServiceName(s), "checked")] = true;
        }

        var writes = Enumerable.Range(0, Services * instancesPerService).ToArray();
        var firstHalf = writes[..(writes.Length / 2)];
        var secondHalf = writes[(writes.Length / 2)..];
        var readers = Enumerable.Range(0, 4).Select(_ => ReadLoopAsync(cluster, () => cluster.Silos.Where(s => !s.HasExited).ToArray(), reads, stopReads.Token)).ToArray();

        await RegisterAsync(cluster, firstHalf, acknowledged);

        var (victim, victimServices) = await SiloHostingMostServicesAsync(cluster);
        var killedAt = Stopwatch.StartNew();
        await victim.KillAsync();
        var killedOnBackendClock = backend.Now + TimeSpan.FromMilliseconds(100);
        reads.Reset();
        output.WriteLine($"killed silo {victim.SiloPort} hosting {victimServices.Length} of {Services} service grains, with {acknowledged.Count} registrations acknowledged");

        await WaitUntilWritableAsync(cluster, victimServices, acknowledged);
        output.WriteLine($"failover: every service of the killed silo took writes again {killedAt.Elapsed.TotalSeconds:F1} s after the kill");

        await RegisterAsync(cluster, secondHalf, acknowledged);

        await Eventually.TrueAsync(
            () => Task.FromResult(victimServices.All(service => backend.FirstHitAfter(service, killedOnBackendClock) is not null)),
            TimeSpan.FromSeconds(30),
            "health probing of every service of the killed silo to resume on a survivor");
        var resumed = victimServices.Max(service => backend.FirstHitAfter(service, killedOnBackendClock)!.Value) - killedOnBackendClock;
        output.WriteLine($"health probing of the killed silo's services resumed within {resumed.TotalSeconds:F1} s of the kill");

        await stopReads.CancelAsync();
        await Task.WhenAll(readers);

        var stored = await ReadAllAsync(cluster);
        var lost = acknowledged.Keys.Where(key => !stored.Contains(key)).ToArray();
        Assert.True(lost.Length == 0, $"{lost.Length} acknowledged registrations lost, e.g. {string.Join(", ", lost.Take(5))}");
        Assert.Equal((Services * instancesPerService) + victimServices.Length + Services, acknowledged.Count);
        var checkedInstances = await Task.WhenAll(Enumerable.Range(0, Services).Select(s =>
            cluster.Http.GetFromJsonAsync(new Uri(cluster.Silos.First(x => !x.HasExited).BaseAddress, $"/services/{ServiceName(s)}/instances/checked"), RegistryJsonContext.Default.ServiceInstanceDocument)));
        Assert.All(checkedInstances, instance => Assert.Equal("healthy", instance?.Status));

        output.WriteLine($"reads through surviving silos after the kill: {reads.Succeeded} ok, {reads.Failed} failed, success ratio {reads.Ratio:P3}");
        Assert.True(reads.Succeeded > 100, "reads must have run during the failover");
        Assert.True(reads.Ratio >= 0.999, $"read success ratio {reads.Ratio:P3} is below 99.9 %");

        // Full restart, the killed silo included, on the same ports: everything comes back from storage alone.
        var ports = cluster.Silos.Select(s => ((int, int, int)?)s.Ports).ToArray();
        var restart = Stopwatch.StartNew();
        await cluster.StopAllSilosAsync();
        await cluster.StartSilosAsync(ports, siloArguments);
        var restored = await ReadAllAsync(cluster);
        var lostInRestart = acknowledged.Keys.Where(key => !restored.Contains(key)).ToArray();
        output.WriteLine($"{store}: full restart of 3 silos done and all read back in {restart.Elapsed.TotalSeconds:F1} s");
        Assert.True(lostInRestart.Length == 0, $"{lostInRestart.Length} acknowledged registrations lost in the full restart, e.g. {string.Join(", ", lostInRestart.Take(5))}");
    }

    [Fact]
    public async Task RestartAllSilos_EveryRegistrationAndDefinitionIsBack()
    {
        await using var cluster = await ProcessCluster.StartAsync(2);
        var acknowledged = new ConcurrentDictionary<(string Service, string Id), bool>();
        await RegisterAsync(cluster, Enumerable.Range(0, 60).ToArray(), acknowledged);
        for (var s = 0; s < 6; s++)
        {
            var definition = new { version = $"1.0.{s}", description = "restart", endpoints = Array.Empty<object>(), dependencies = Array.Empty<string>(), config = new { retries = s } };
            using var put = await cluster.Http.PutAsJsonAsync(new Uri(cluster.Silos[s % 2].BaseAddress, $"/services/{ServiceName(s)}/definition"), definition);
            Assert.True(put.IsSuccessStatusCode, $"definition put: {(int)put.StatusCode}");
        }

        var ports = cluster.Silos.Select(s => ((int, int, int)?)s.Ports).ToArray();
        await cluster.StopAllSilosAsync();
        await cluster.StartSilosAsync(ports);

        var stored = await ReadAllAsync(cluster);
        Assert.All(acknowledged.Keys, key => Assert.Contains(key, stored));
        for (var s = 0; s < 6; s++)
        {
            using var definition = await cluster.Http.GetAsync(new Uri(cluster.Silos[0].BaseAddress, $"/services/{ServiceName(s)}/definition"));
            Assert.Equal(HttpStatusCode.OK, definition.StatusCode);
            var document = await definition.Content.ReadFromJsonAsync(RegistryJsonContext.Default.ServiceDefinitionDocument);
            Assert.Equal($"1.0.{s}", document?.Version);
            Assert.Equal(s, document?.Config?["retries"].GetInt32());
        }
    }

    [Fact]
    public async Task AzuriteOutage_ReadsKeepServing_WritesFailFastThenRecover()
    {
        await using var cluster = await ProcessCluster.StartAsync(2);
        var acknowledged = new ConcurrentDictionary<(string Service, string Id), bool>();
        await RegisterAsync(cluster, Enumerable.Range(0, Services).ToArray(), acknowledged);
        var reads = new ReadCounter();
        using var stopReads = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 2).Select(_ => ReadLoopAsync(cluster, () => cluster.Silos.ToArray(), reads, stopReads.Token)).ToArray();

        await cluster.Azurite.StopAsync();
        var outage = Stopwatch.StartNew();
        var slowest = TimeSpan.Zero;
        var failedWrites = 0;
        while (outage.Elapsed < TimeSpan.FromSeconds(10))
        {
            var attempt = Stopwatch.StartNew();
            using var response = await PutInstanceAsync(cluster.Silos[failedWrites % 2], ServiceName(failedWrites % Services), $"outage-{failedWrites}");
            attempt.Stop();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            slowest = attempt.Elapsed > slowest ? attempt.Elapsed : slowest;
            failedWrites++;
        }

        output.WriteLine($"{failedWrites} writes during the outage, slowest failure after {slowest.TotalSeconds:F2} s; reads {reads.Succeeded} ok / {reads.Failed} failed");
        Assert.True(slowest <= TimeSpan.FromSeconds(5), $"a write took {slowest.TotalSeconds:F1} s to fail");
        Assert.True(reads.Succeeded > 50 && reads.Failed == 0, $"reads during the outage: {reads.Succeeded} ok, {reads.Failed} failed");

        await cluster.Azurite.StartAsync();
        await Eventually.TrueAsync(
            async () =>
            {
                using var response = await PutInstanceAsync(cluster.Silos[0], ServiceName(1), "after-outage");
                return response.IsSuccessStatusCode;
            },
            TimeSpan.FromSeconds(30),
            "writes to succeed once Azurite is back");
        acknowledged[(ServiceName(1), "after-outage")] = true;

        await stopReads.CancelAsync();
        await Task.WhenAll(readers);
        var stored = await ReadAllAsync(cluster);
        Assert.All(acknowledged.Keys, key => Assert.Contains(key, stored));
        Assert.DoesNotContain(stored, key => key.Id.StartsWith("outage-", StringComparison.Ordinal));
    }

    private static string ServiceName(int service) => $"fleet-{service:D2}";

    private static Task<HttpResponseMessage> PutInstanceAsync(SiloProcess silo, string service, string id, string? healthCheckUrl = null) =>
        Writer.PutAsJsonAsync(
            new Uri(silo.BaseAddress, $"/services/{service}/instances/{id}"),
            new ServiceInstanceDocument { Host = "127.0.0.1", Port = 9000, Status = "healthy", Metadata = new() { ["zone"] = "a" }, HealthCheckUrl = healthCheckUrl },
            RegistryJsonContext.Default.ServiceInstanceDocument);

    /// <summary>Registers instance i as service (i mod 50), through silo (i mod live silos); retries on another silo when one is gone.</summary>
    private static async Task RegisterAsync(ProcessCluster cluster, int[] items, ConcurrentDictionary<(string, string), bool> acknowledged)
    {
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, cancellation) =>
        {
            var key = (ServiceName(i % Services), $"instance-{i:D3}");
            for (var attempt = 0; attempt < 20; attempt++)
            {
                var live = cluster.Silos.Where(s => !s.HasExited).ToArray();
                try
                {
                    using var response = await PutInstanceAsync(live[(i + attempt) % live.Length], key.Item1, key.Item2);
                    if (response.IsSuccessStatusCode)
                    {
                        acknowledged[key] = true;
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // That silo is down; the next attempt goes to another.
                }
                catch (TaskCanceledException)
                {
                    // Timed out during failover; try again.
                }

                await Task.Delay(200, cancellation);
            }

            throw new InvalidOperationException($"registration {key} never acknowledged");
        });
    }

    private static async Task ReadLoopAsync(ProcessCluster cluster, Func<SiloProcess[]> silos, ReadCounter counter, CancellationToken cancellation)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
        var i = 0;
        while (!cancellation.IsCancellationRequested)
        {
            var live = silos();
            var silo = live[i % live.Length];
            var started = counter.Epoch;
            try
            {
                using var response = await http.GetAsync(new Uri(silo.BaseAddress, $"/services/{ServiceName(i % Services)}"), CancellationToken.None);
                counter.Record(started, response.IsSuccessStatusCode);
            }
            catch (HttpRequestException) when (silo.HasExited)
            {
                // Sent to the silo the test just killed: not a read through a surviving silo.
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                counter.Record(started, false);
            }

            i++;
        }
    }

    /// <summary>Writes to each service until it succeeds: the service grain has been reactivated on a surviving silo.</summary>
    private static async Task WaitUntilWritableAsync(ProcessCluster cluster, string[] services, ConcurrentDictionary<(string, string), bool> acknowledged)
    {
        var live = cluster.Silos.Where(s => !s.HasExited).ToArray();
        await Task.WhenAll(services.Select((service, i) => Eventually.TrueAsync(
            async () =>
            {
                try
                {
                    using var response = await PutInstanceAsync(live[i % live.Length], service, "failover-probe");
                    if (response.IsSuccessStatusCode)
                    {
                        acknowledged[(service, "failover-probe")] = true;
                        return true;
                    }
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                    // Not yet: the grain is still registered on the dead silo.
                }

                return false;
            },
            TimeSpan.FromSeconds(60),
            $"{service} to take writes again after the kill")));
    }

    private static async Task<HashSet<(string Service, string Id)>> ReadAllAsync(ProcessCluster cluster)
    {
        var live = cluster.Silos.Where(s => !s.HasExited).ToArray();
        var stored = new HashSet<(string, string)>();
        for (var s = 0; s < Services; s++)
        {
            var instances = await cluster.Http.GetFromJsonAsync(new Uri(live[s % live.Length].BaseAddress, $"/services/{ServiceName(s)}"), RegistryJsonContext.Default.ListServiceInstanceDocument);
            foreach (var instance in instances ?? [])
            {
                stored.Add((ServiceName(s), instance.Id!));
            }
        }

        return stored;
    }

    private static async Task<(SiloProcess Silo, string[] Services)> SiloHostingMostServicesAsync(ProcessCluster cluster)
    {
        using var client = await cluster.ConnectClientAsync();
        var management = client.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        var statistics = await management.GetDetailedGrainStatistics();
        var serviceGrains = statistics.Where(s => s.GrainType.StartsWith(typeof(ServiceGrain).FullName! + ",", StringComparison.Ordinal)).ToArray();
        Assert.True(serviceGrains.Length > 0, $"no service grains among {string.Join(", ", statistics.Select(s => s.GrainType).Distinct())}");
        var busiest = serviceGrains.GroupBy(s => s.SiloAddress.Endpoint.Port).MaxBy(g => g.Count())!;
        await client.StopAsync();
        return (cluster.Silos.Single(s => s.SiloPort == busiest.Key), busiest.Select(s => s.GrainId.Key.ToString()!).ToArray());
    }

    /// <summary>Counts reads, ignoring those begun before the last reset (so only post-kill reads count).</summary>
    private sealed class ReadCounter
    {
        private long _succeeded;
        private long _failed;
        private int _epoch;

        public int Epoch => Volatile.Read(ref _epoch);

        public long Succeeded => Interlocked.Read(ref _succeeded);

        public long Failed => Interlocked.Read(ref _failed);

        public double Ratio => Succeeded + Failed == 0 ? 0 : (double)Succeeded / (Succeeded + Failed);

        public void Reset()
        {
            Interlocked.Increment(ref _epoch);
            Interlocked.Exchange(ref _succeeded, 0);
            Interlocked.Exchange(ref _failed, 0);
        }

        public void Record(int epoch, bool success)
        {
            if (epoch != Epoch)
            {
                return;
            }

            Interlocked.Increment(ref success ? ref _succeeded : ref _failed);
        }
    }
}

/// <summary>The process-cluster tests run one at a time: each starts Azurite and several silos.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessClusterCollection
{
    public const string Name = "process clusters";
}
