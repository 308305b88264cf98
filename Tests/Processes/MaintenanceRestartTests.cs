using System.Net;
using System.Text.Json.Nodes;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Processes;

/// <summary>Maintenance is stored state: it outlives every silo of a cluster on durable storage, in every namespace.</summary>
[Collection(ProcessClusterCollection.Name)]
public sealed class MaintenanceRestartTests
{
    private const string Service = "maint-restart";
    private const string Other = "ops";

    [Fact]
    public async Task KillEverySiloThenRestart_InstancesInMaintenanceInTwoNamespaces_KeepMaintenanceUntilDeleted()
    {
        await using var cluster = await ProcessCluster.StartAsync(2);
        using var first = new HttpClient { BaseAddress = cluster.Silos[0].BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        using var second = new HttpClient { BaseAddress = cluster.Silos[1].BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        // In each namespace "m" is the only healthy instance and goes into maintenance; "u" is registered unhealthy,
        // so that once "m" is out of rotation nothing is left to pick. Each namespace is written through another silo.
        (string Prefix, string Reason, HttpClient Writer)[] namespaces = [(string.Empty, "kernel upgrade", first), ($"/namespaces/{Other}", "disk swap", second)];
        var since = new Dictionary<string, string?>();
        foreach (var (prefix, reason, writer) in namespaces)
        {
            await RegisterAsync(writer, prefix, "m", "healthy");
            await RegisterAsync(writer, prefix, "u", "unhealthy");
            using var put = await writer.PutAsync($"{prefix}/services/{Service}/instances/m/maintenance", $$"""{"reason":"{{reason}}"}""");
            Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
            since[prefix] = (string?)(await MaintenanceAsync(first, prefix, reason))["since"];
        }

        // kill -9 of every silo: nothing leaves the cluster or flushes; then the same silos again, on the same Azurite.
        var ports = cluster.Silos.Select(s => ((int, int, int)?)s.Ports).ToArray();
        await Task.WhenAll(cluster.Silos.Select(s => s.KillAsync()));
        await cluster.StopAllSilosAsync();
        await cluster.StartSilosAsync(ports);

        foreach (var (prefix, reason, writer) in namespaces)
        {
            foreach (var silo in new[] { first, second })
            {
                Assert.Equal(since[prefix], (string?)(await MaintenanceAsync(silo, prefix, reason))["since"]);
                Assert.Empty(await IdsAsync(silo, $"{prefix}/services/{Service}?healthy=true"));
                using var select = await silo.GetAsync(RegistryHttp.Relative($"{prefix}/services/{Service}/select"));
                await RegistryHttp.AssertProblemAsync(select, HttpStatusCode.ServiceUnavailable);
            }

            using (var delete = await writer.SendAsync(HttpMethod.Delete, $"{prefix}/services/{Service}/instances/m/maintenance"))
            {
                Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
            }

            foreach (var silo in new[] { first, second })
            {
                Assert.Null((await InstanceAsync(silo, prefix, "m"))["maintenance"]);
                Assert.Equal(["m"], await IdsAsync(silo, $"{prefix}/services/{Service}?healthy=true"));
                var (status, pick, response) = await silo.GetJsonAsync($"{prefix}/services/{Service}/select");
                response.Dispose();
                Assert.Equal(HttpStatusCode.OK, status);
                Assert.Equal("m", (string?)pick!["id"]);
            }
        }
    }

    private static async Task RegisterAsync(HttpClient client, string prefix, string id, string status)
    {
        using var response = await client.PutAsync($"{prefix}/services/{Service}/instances/{id}", $$"""{"host":"127.0.0.1","port":9000,"status":"{{status}}"}""");
        Assert.True(response.IsSuccessStatusCode, $"register {prefix}/{id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Instance "m"'s maintenance, asserting it is there with <paramref name="reason"/> and the status it was registered with.</summary>
    private static async Task<JsonNode> MaintenanceAsync(HttpClient client, string prefix, string reason)
    {
        var instance = await InstanceAsync(client, prefix, "m");
        Assert.Equal("healthy", (string?)instance["status"]);
        var maintenance = instance["maintenance"];
        Assert.True(maintenance is not null, $"{client.BaseAddress}{prefix} m has no maintenance: {instance.ToJsonString()}");
        Assert.Equal(reason, (string?)maintenance["reason"]);
        Assert.False(string.IsNullOrEmpty((string?)maintenance["since"]), "maintenance has a since");
        return maintenance;
    }

    private static async Task<JsonNode> InstanceAsync(HttpClient client, string prefix, string id)
    {
        var (status, body, response) = await client.GetJsonAsync($"{prefix}/services/{Service}/instances/{id}");
        response.Dispose();
        Assert.Equal(HttpStatusCode.OK, status);
        return body!;
    }

    private static async Task<string[]> IdsAsync(HttpClient client, string path)
    {
        var (status, body, response) = await client.GetJsonAsync(path);
        response.Dispose();
        Assert.Equal(HttpStatusCode.OK, status);
        return body!.AsArray().Select(i => (string)i!["id"]!).Order(StringComparer.Ordinal).ToArray();
    }
}
