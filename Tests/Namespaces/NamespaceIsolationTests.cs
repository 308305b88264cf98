using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OrleansRegistry.Grains;
using OrleansRegistry.Model;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Namespaces;

/// <summary>The same service name in two namespaces names two unrelated services, through HTTP and grains.</summary>
[Collection(RegistryHttpCollection.Name)]
public sealed class NamespaceIsolationTests(RegistryHttpFixture fixture)
{
    private const string TtlCheck = ""","check":{"ttl":"1m"}""";

    private HttpClient Client => fixture.Client;

    private IGrainFactory Grains => fixture.Services.GetRequiredService<IGrainFactory>();

    [Fact]
    public async Task SameName_TwoNamespaces_InstancesDefinitionsChecksAndPicksNeverCross()
    {
        var (blue, green, name) = (Unique("blue"), Unique("green"), Instances.UniqueService("orders"));
        await RegisterAsync(blue, name, "b-1", 7001, TtlCheck);
        await RegisterAsync(green, name, "g-1", 7002);
        await RegisterAsync(green, name, "g-2", 7003);
        await PutDefinitionAsync(blue, name, "1.0.0");
        await PutDefinitionAsync(green, name, "2.0.0");

        Assert.Equal(["b-1"], await IdsAsync($"/namespaces/{blue}/services/{name}"));
        Assert.Equal(["g-1", "g-2"], await IdsAsync($"/namespaces/{green}/services/{name}"));
        Assert.Empty(await IdsAsync($"/services/{name}"));
        var instance = await JsonAsync($"/namespaces/{blue}/services/{name}/instances/b-1");
        Assert.Equal(name, (string?)instance["service_name"]);
        Assert.Equal("1m", (string?)instance["check"]?["ttl"]);
        using (var absent = await Client.GetAsync(RegistryHttp.Relative($"/namespaces/{green}/services/{name}/instances/b-1")))
        {
            Assert.Equal(HttpStatusCode.NotFound, absent.StatusCode);
        }

        Assert.Equal("1.0.0", (string?)(await JsonAsync($"/namespaces/{blue}/services/{name}/definition"))["version"]);
        Assert.Equal("2.0.0", (string?)(await JsonAsync($"/namespaces/{green}/services/{name}/definition"))["version"]);
        using (var none = await Client.GetAsync(RegistryHttp.Relative($"/services/{name}/definition")))
        {
            Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        }

        var blueHealth = await JsonAsync($"/namespaces/{blue}/services/{name}/health");
        var greenHealth = await JsonAsync($"/namespaces/{green}/services/{name}/health");
        Assert.Equal(["b-1"], blueHealth["instances"]!.AsArray().Select(i => (string)i!["id"]!));
        Assert.True((bool)blueHealth["checking"]!, "the TTL-checked instance of blue is checked");
        Assert.False((bool)greenHealth["checking"]!, "green has nothing to check");

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal("b-1", (string?)(await JsonAsync($"/namespaces/{blue}/services/{name}/select"))["id"]);
            Assert.StartsWith("g-", (string?)(await JsonAsync($"/namespaces/{green}/services/{name}/select"))["id"], StringComparison.Ordinal);
        }

        using var nothingInDefault = await Client.GetAsync(RegistryHttp.Relative($"/services/{name}/select"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, nothingInDefault.StatusCode);
    }

    [Fact]
    public async Task SameName_TwoNamespaces_GrainsAndBalancerAddressOneEach()
    {
        var (blue, name) = (Unique("blue"), Instances.UniqueService("pay"));
        var inBlue = new ServiceKey(blue, name);
        await Grains.GetGrain<IServiceGrain>(inBlue.GrainKey).RegisterAsync(Instances.Create(name, "b-1"));
        await Grains.GetGrain<IServiceGrain>(name).RegisterAsync(Instances.Create(name, "d-1"));

        Assert.Equal(["b-1"], (await Grains.GetGrain<IServiceGrain>(inBlue.GrainKey).GetInstancesAsync()).Select(i => i.Id));
        Assert.Equal(["d-1"], (await Grains.GetGrain<IServiceGrain>(ServiceKey.InDefault(name).GrainKey).GetInstancesAsync()).Select(i => i.Id));
        var pick = await Grains.GetGrain<IBalancerGrain>(0).SelectAsync(inBlue.GrainKey, LoadBalancingStrategy.LeastConnections);
        Assert.Equal("b-1", pick?.Instance.Id);
        Assert.Equal(inBlue.GrainKey, pick?.Lease?.ServiceName);
        Assert.Equal(["b-1"], await IdsAsync($"/namespaces/{blue}/services/{name}"));
        Assert.Equal(["d-1"], await IdsAsync($"/namespaces/default/services/{name}"));

        // A key naming the default namespace explicitly would be a second grain for the same service.
        await Assert.ThrowsAsync<OrleansRegistry.Validation.RegistryValidationException>(() =>
            Grains.GetGrain<IServiceGrain>($"default:{name}").RegisterAsync(Instances.Create(name, "x")));
    }

    [Fact]
    public async Task Lease_OpenedInOneNamespace_IsRefusedOnTheOther()
    {
        var (blue, green, name) = (Unique("blue"), Unique("green"), Instances.UniqueService("lease"));
        await RegisterAsync(blue, name, "b-1", 7001);
        await RegisterAsync(green, name, "g-1", 7002);

        using var pick = await Client.GetAsync(RegistryHttp.Relative($"/namespaces/{blue}/services/{name}/select?strategy=least_connections"));
        var lease = Assert.Single(pick.Headers.GetValues("X-Registry-Lease"));
        using var wrong = await Client.PostAsync(RegistryHttp.Relative($"/namespaces/{green}/services/{name}/leases/{lease}/release"), null);
        using var right = await Client.PostAsync(RegistryHttp.Relative($"/namespaces/{blue}/services/{name}/leases/{lease}/release"), null);

        var problem = await RegistryHttp.AssertProblemAsync(wrong, HttpStatusCode.BadRequest);
        Assert.Equal("lease", (string?)problem["field"]);
        Assert.Equal(HttpStatusCode.NoContent, right.StatusCode);
    }

    [Fact]
    public async Task BlockingQuery_ChangeInOtherNamespace_DoesNotWake()
    {
        var (blue, green, name) = (Unique("blue"), Unique("green"), Instances.UniqueService("watch"));
        await RegisterAsync(blue, name, "b-1", 7001);
        await RegisterAsync(green, name, "g-1", 7002);
        var index = await IndexAsync($"/namespaces/{blue}/services/{name}");

        var blocked = Client.GetAsync(RegistryHttp.Relative($"/namespaces/{blue}/services/{name}?index={index}&wait=2s"));
        await RegisterAsync(green, name, "g-2", 7003);
        await DeleteAsync($"/namespaces/{green}/services/{name}/instances/g-1");
        using var response = await blocked;

        Assert.Equal(index, RegistryHttp.IndexOf(response));
        Assert.Equal(["b-1"], JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray().Select(i => (string)i!["id"]!));

        var woken = Client.GetAsync(RegistryHttp.Relative($"/namespaces/{blue}/services/{name}?index={index}&wait=30s"));
        await RegisterAsync(blue, name, "b-2", 7004);
        using var changed = await woken.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(RegistryHttp.IndexOf(changed) > index);
    }

    [Fact]
    public async Task History_OfOneNamespace_HoldsOnlyItsOwnCounts()
    {
        var (blue, name) = (Unique("blue"), Instances.UniqueService("hist"));
        await RegisterAsync(blue, name, "b-1", 7001);
        await RegisterAsync(blue, name, "b-2", 7002);

        var inBlue = await JsonAsync($"/namespaces/{blue}/services/{name}/history");
        var inDefault = await JsonAsync($"/services/{name}/history");

        Assert.Equal(2, (int)inBlue["samples"]!.AsArray()[^1]!["total"]!);
        Assert.Empty(inDefault["samples"]!.AsArray());
    }

    [Fact]
    public async Task Namespaces_List_EveryNamespaceHoldingAServiceSortedWithCounts()
    {
        var (first, second) = ($"a{Guid.NewGuid():N}", $"b{Guid.NewGuid():N}");
        await RegisterAsync(second, "one", "x", 7001);
        await RegisterAsync(first, "one", "x", 7001);
        await RegisterAsync(first, "two", "x", 7001);
        await PutDefinitionAsync(second, "defined-only", "1.0.0");

        var namespaces = (await JsonArrayAsync("/namespaces")).Select(n => ((string)n!["name"]!, (int)n["services"]!)).ToList();
        var listed = await JsonArrayAsync($"/namespaces/{first}/services");

        Assert.Equal(namespaces.OrderBy(n => n.Item1, StringComparer.Ordinal), namespaces);
        Assert.Contains((first, 2), namespaces);
        Assert.Contains((second, 2), namespaces);
        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse("""[{"name":"one","instances":1,"healthy":1},{"name":"two","instances":1,"healthy":1}]"""), listed),
            listed.ToJsonString());

        await DeleteAsync($"/namespaces/{first}/services/one/instances/x");
        await DeleteAsync($"/namespaces/{first}/services/two/instances/x");
        Assert.DoesNotContain(first, (await JsonArrayAsync("/namespaces")).Select(n => (string)n!["name"]!));
    }

    [Theory]
    [InlineData("/namespaces/-bad/services")]
    [InlineData("/namespaces/bad%20space/services/x")]
    [InlineData("/namespaces/bad%3Acolon/services/x/instances/i")]
    public async Task Route_InvalidNamespace_Is400NamingTheNamespace(string path)
    {
        using var response = await Client.GetAsync(RegistryHttp.Relative(path));

        var problem = await RegistryHttp.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("namespace", (string?)problem["field"]);
    }

    [Fact]
    public async Task Register_InNamespace_LocationPointsIntoTheNamespace()
    {
        var (blue, name) = (Unique("blue"), Instances.UniqueService("loc"));

        using var response = await Client.PutAsync($"/namespaces/{blue}/services/{name}/instances/i-1", """{"host":"127.0.0.1","port":80}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/namespaces/{blue}/services/{name}/instances/i-1", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task OpenApi_Document_DescribesNamespacedRoutesAndNamespaces()
    {
        var document = await JsonAsync("/openapi/v1.json");
        var paths = document["paths"]!.AsObject();

        Assert.NotNull(paths["/namespaces"]?["get"]);
        Assert.NotNull(paths["/namespaces/{ns}/services"]?["get"]);
        Assert.NotNull(paths["/namespaces/{ns}/services/{name}/instances/{id}"]?["put"]);
        Assert.NotNull(paths["/namespaces/{ns}/services/{name}/select"]?["get"]);
        Assert.Equal("NamespacedListInstances", (string?)paths["/namespaces/{ns}/services/{name}"]?["get"]?["operationId"]);
        Assert.Contains(
            paths["/namespaces/{ns}/services/{name}"]!["get"]!["parameters"]!.AsArray(),
            parameter => (string?)parameter!["name"] == "ns" && (string?)parameter["in"] == "path");
    }

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..20];

    private async Task RegisterAsync(string ns, string name, string id, int port, string extra = "")
    {
        using var response = await Client.PutAsync(
            $"/namespaces/{ns}/services/{name}/instances/{id}", $$"""{"host":"127.0.0.1","port":{{port}},"status":"healthy"{{extra}}}""");
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created, $"register {ns}/{name}/{id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private async Task PutDefinitionAsync(string ns, string name, string version)
    {
        using var response = await Client.PutAsync($"/namespaces/{ns}/services/{name}/definition", $$"""{"version":"{{version}}","description":"d"}""");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task DeleteAsync(string path)
    {
        using var response = await Client.DeleteAsync(RegistryHttp.Relative(path));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    private async Task<JsonNode> JsonAsync(string path)
    {
        var (status, body, response) = await Client.GetJsonAsync(path);
        response.Dispose();
        Assert.True(status == HttpStatusCode.OK, $"GET {path}: {(int)status}");
        return body!;
    }

    private async Task<JsonArray> JsonArrayAsync(string path) => (await JsonAsync(path)).AsArray();

    private async Task<string[]> IdsAsync(string path) => [.. (await JsonArrayAsync(path)).Select(i => (string)i!["id"]!)];

    private async Task<long> IndexAsync(string path)
    {
        using var response = await Client.GetAsync(RegistryHttp.Relative(path));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return RegistryHttp.IndexOf(response);
    }
}
