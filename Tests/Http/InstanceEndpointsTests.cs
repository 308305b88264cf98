using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Http;

[Collection(RegistryHttpCollection.Name)]
public sealed partial class InstanceEndpointsTests(RegistryHttpFixture fixture)
{
    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task List_UnknownService_Returns200EmptyArrayWithIndexZero()
    {
        var (status, body, response) = await Client.GetJsonAsync($"/services/{Instances.UniqueService("unknown")}");
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            Assert.Empty(Assert.IsType<JsonArray>(body));
            Assert.Equal(0, RegistryHttp.IndexOf(response));
        }
    }

    [Fact]
    public async Task Put_NewInstance_Returns201WithStoredInstanceInWireShape()
    {
        var service = Instances.UniqueService("put");
        using var response = await Client.PutAsync(
            $"/services/{service}/instances/a-1",
            """{"host":"10.0.0.7","port":9000,"status":"Starting","metadata":{"zone":"eu-1","weight":"3"}}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/services/{service}/instances/a-1", response.Headers.Location?.OriginalString);
        var text = await response.Content.ReadAsStringAsync();
        var stored = (JsonObject)JsonNode.Parse(text)!;
        Assert.Equal("a-1", (string?)stored["id"]);
        Assert.Equal(service, (string?)stored["service_name"]);
        Assert.Equal("10.0.0.7", (string?)stored["host"]);
        Assert.Equal(9000, (int)stored["port"]!);
        Assert.Equal("starting", (string?)stored["status"]);
        Assert.Equal("eu-1", (string?)stored["metadata"]!["zone"]);
        Assert.False(stored.ContainsKey("health_check_url"), "health_check_url is omitted when absent");
        Assert.Matches(Rfc3339Utc(), (string?)stored["last_heartbeat"]);
        Assert.Matches(Rfc3339Utc(), (string?)stored["created_at"]);
        Assert.DoesNotContain("null", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_ExistingInstance_Returns200AndKeepsCreatedAt()
    {
        var service = Instances.UniqueService("replace");
        var first = await Client.RegisterAsync(service, "a", port: 8000);

        using var response = await Client.PutAsync($"/services/{service}/instances/a", $$"""{"id":"a","service_name":"{{service}}","host":"127.0.0.1","port":8001}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var second = (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(8001, (int)second["port"]!);
        Assert.Equal("healthy", (string?)second["status"]);
        Assert.Equal((string?)first["created_at"], (string?)second["created_at"]);
        Assert.True(DateTimeOffset.Parse((string)second["last_heartbeat"]!, System.Globalization.CultureInfo.InvariantCulture)
            > DateTimeOffset.Parse((string)first["last_heartbeat"]!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Put_HealthCheckUrl_IsReturnedAndListed()
    {
        var service = Instances.UniqueService("url");
        await Client.RegisterAsync(service, "a", extra: ""","health_check_url":"http://127.0.0.1:8080/health" """);

        var listed = Assert.Single(await Client.ListAsync(service))!;
        Assert.Equal("http://127.0.0.1:8080/health", (string?)listed["health_check_url"]);
    }

    [Fact]
    public async Task List_HealthyTrue_KeepsOnlyHealthyInstances()
    {
        var service = Instances.UniqueService("healthy");
        await Client.RegisterAsync(service, "up", status: "HEALTHY");
        await Client.RegisterAsync(service, "down", status: "unhealthy");
        await Client.RegisterAsync(service, "boot", status: "starting");

        var all = await Client.ListAsync(service);
        var (_, healthy, response) = await Client.GetJsonAsync($"/services/{service}?healthy=true");
        response.Dispose();

        Assert.Equal(["boot", "down", "up"], all.Select(i => (string)i!["id"]!).Order(StringComparer.Ordinal));
        Assert.Equal(["up"], healthy!.AsArray().Select(i => (string)i!["id"]!));
        Assert.Contains(all, i => (string?)i!["status"] == "unhealthy");
    }

    [Fact]
    public async Task List_AfterChanges_IndexHeaderGrowsWithEveryStoredChange()
    {
        var service = Instances.UniqueService("index");
        await Client.RegisterAsync(service, "a");
        var (_, _, afterOne) = await Client.GetJsonAsync($"/services/{service}");
        await Client.RegisterAsync(service, "b");
        var (_, _, afterTwo) = await Client.GetJsonAsync($"/services/{service}");

        Assert.Equal(1, RegistryHttp.IndexOf(afterOne));
        Assert.Equal(2, RegistryHttp.IndexOf(afterTwo));
        afterOne.Dispose();
        afterTwo.Dispose();
    }

    [Fact]
    public async Task Get_RegisteredInstance_Returns200AndAbsentReturns404Problem()
    {
        var service = Instances.UniqueService("get");
        await Client.RegisterAsync(service, "a", port: 1234);

        var (status, body, found) = await Client.GetJsonAsync($"/services/{service}/instances/a");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1234, (int)body!["port"]!);
        found.Dispose();

        using var missing = await Client.GetAsync(RegistryHttp.Relative($"/services/{service}/instances/zzz"));
        await RegistryHttp.AssertProblemAsync(missing, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_RegisteredThenAgain_Returns204BothTimesAndRemovesIt()
    {
        var service = Instances.UniqueService("delete");
        await Client.RegisterAsync(service, "a");
        await Client.RegisterAsync(service, "b");

        using var first = await Client.SendAsync(HttpMethod.Delete, $"/services/{service}/instances/a");
        using var second = await Client.SendAsync(HttpMethod.Delete, $"/services/{service}/instances/a");

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, second.StatusCode);
        Assert.Equal(["b"], (await Client.ListAsync(service)).Select(i => (string)i!["id"]!));
    }

    [Fact]
    public async Task Heartbeat_RegisteredInstance_Returns204AndRenewsLastHeartbeat()
    {
        var service = Instances.UniqueService("beat");
        var registered = await Client.RegisterAsync(service, "a");

        using var response = await Client.SendAsync(HttpMethod.Put, $"/services/{service}/instances/a/heartbeat");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var (_, body, get) = await Client.GetJsonAsync($"/services/{service}/instances/a");
        get.Dispose();
        Assert.NotEqual((string?)registered["last_heartbeat"], (string?)body!["last_heartbeat"]);
        Assert.Equal((string?)registered["created_at"], (string?)body["created_at"]);
    }

    [Fact]
    public async Task Heartbeat_UnknownInstance_Returns404Problem()
    {
        using var response = await Client.SendAsync(HttpMethod.Put, $"/services/{Instances.UniqueService("beat")}/instances/ghost/heartbeat");

        await RegistryHttp.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$")]
    private static partial Regex Rfc3339Utc();
}
