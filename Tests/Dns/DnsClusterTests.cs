using System.Net.Http.Json;
using ARSoft.Tools.Net.Dns;
using OrleansRegistry.Contracts;
using OrleansRegistry.Tests.Processes;

namespace OrleansRegistry.Tests.Dns;

/// <summary>Two real silo processes on Azurite: a change acknowledged by either is in both silos' DNS answers.</summary>
public sealed class DnsClusterTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Query_AfterDeregistrationAndTtlLapse_GoneFromEverySilo()
    {
        await using var cluster = await ProcessCluster.StartAsync(2, "--Registry:HealthCheck:Interval=00:00:01", "--Registry:HealthCheck:Timeout=00:00:00.500");
        var service = $"dns-{Guid.NewGuid():N}"[..20];
        var name = $"{service}.service.registry";
        await RegisterAsync(cluster, 0, service, "a", "10.10.0.1");
        await RegisterAsync(cluster, 1, service, "b", "10.10.0.2");
        await RegisterAsync(cluster, 0, service, "c", "10.10.0.3");
        await RegisterAsync(cluster, 1, service, "lapsing", "10.10.0.4", check: new InstanceCheckDocument { Ttl = "3s" });

        // Every registration was acknowledged, so each silo's copy holds all four already.
        foreach (var silo in cluster.Silos)
        {
            var answer = await DnsQueries.QueryAsync(silo.DnsPort, name, RecordType.A);
            Assert.Equal(["10.10.0.1", "10.10.0.2", "10.10.0.3", "10.10.0.4"], DnsQueries.Addresses(answer));
        }

        using (var deleted = await cluster.Http.DeleteAsync(new Uri(cluster.Silos[1].BaseAddress, $"/services/{service}/instances/a")))
        {
            deleted.EnsureSuccessStatusCode();
        }

        // The deregistration was pushed to both silos before it was acknowledged: the next answer lacks it.
        foreach (var silo in cluster.Silos)
        {
            var srv = await DnsQueries.QueryAsync(silo.DnsPort, name, RecordType.Srv);
            Assert.DoesNotContain(srv.AnswerRecords.OfType<SrvRecord>(), record => record.Target.ToString().StartsWith("a.", StringComparison.Ordinal));
            Assert.DoesNotContain("10.10.0.1", DnsQueries.Addresses(await DnsQueries.QueryAsync(silo.DnsPort, name, RecordType.A)));
        }

        // The TTL instance gets no heartbeat: the health timer turns it unhealthy and pushes that.
        foreach (var silo in cluster.Silos)
        {
            await Eventually.TrueAsync(
                async () => DnsQueries.Addresses(await DnsQueries.QueryAsync(silo.DnsPort, name, RecordType.A)).SequenceEqual(["10.10.0.2", "10.10.0.3"]),
                Deadline,
                $"the silo with DNS port {silo.DnsPort} to answer only 10.10.0.2 and 10.10.0.3 once the lease lapsed");
            Assert.Equal(
                ["10.10.0.2", "10.10.0.3"],
                await DnsQueries.DigShortAsync(silo.DnsPort, name, "A"));
        }
    }

    private static async Task RegisterAsync(ProcessCluster cluster, int silo, string service, string id, string host, InstanceCheckDocument? check = null)
    {
        using var response = await cluster.Http.PutAsJsonAsync(
            new Uri(cluster.Silos[silo].BaseAddress, $"/services/{service}/instances/{id}"),
            new ServiceInstanceDocument { Host = host, Port = 8080, Status = "healthy", Metadata = [], Check = check },
            RegistryJsonContext.Default.ServiceInstanceDocument);
        response.EnsureSuccessStatusCode();
    }
}
