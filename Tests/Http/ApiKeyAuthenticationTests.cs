using System.Net;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Http;

[Collection(SecuredRegistryHttpCollection.Name)]
public sealed class ApiKeyAuthenticationTests(SecuredRegistryHttpFixture fixture)
{
    private const string Instance = """{"host":"127.0.0.1","port":8080,"metadata":{}}""";
    private const string Definition = """{"version":"1","description":"","endpoints":[],"dependencies":[],"config":{}}""";

    private HttpClient Client => fixture.Client;

    public static TheoryData<string?> RefusedKeys => new() { null, "", "wrong", SecuredRegistryHttpFixture.FirstKey + "x", SecuredRegistryHttpFixture.FirstKey[..^1], SecuredRegistryHttpFixture.FirstKey.ToUpperInvariant() };

    [Theory]
    [MemberData(nameof(RefusedKeys))]
    public async Task Writes_WithoutAValidKey_Return401AndStoreNothing(string? key)
    {
        var service = Instances.UniqueService("locked");
        await Client.RegisterAsync(service, "kept", apiKey: SecuredRegistryHttpFixture.FirstKey);
        var before = await SnapshotAsync(service);

        var writes = new (HttpMethod Method, string Path, string? Body)[]
        {
            (HttpMethod.Put, $"/services/{service}/instances/new", Instance),
            (HttpMethod.Put, $"/services/{service}/instances/kept", Instance.Replace("8080", "9090", StringComparison.Ordinal)),
            (HttpMethod.Delete, $"/services/{service}/instances/kept", null),
            (HttpMethod.Put, $"/services/{service}/instances/kept/heartbeat", null),
            (HttpMethod.Put, $"/services/{service}/definition", Definition),
        };

        foreach (var (method, path, body) in writes)
        {
            using var response = await Client.SendAsync(method, path, body, apiKey: key);
            await RegistryHttp.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
            Assert.Contains("X-Api-Key", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
            Assert.Equal(before, await SnapshotAsync(service));
        }
    }

    [Fact]
    public async Task Writes_WithEitherConfiguredKey_Succeed()
    {
        var service = Instances.UniqueService("unlocked");

        using var first = await Client.SendAsync(HttpMethod.Put, $"/services/{service}/instances/a", Instance, SecuredRegistryHttpFixture.FirstKey);
        using var second = await Client.SendAsync(HttpMethod.Put, $"/services/{service}/instances/b", Instance, SecuredRegistryHttpFixture.SecondKey);
        using var beat = await Client.SendAsync(HttpMethod.Put, $"/services/{service}/instances/a/heartbeat", apiKey: SecuredRegistryHttpFixture.SecondKey);
        using var definition = await Client.SendAsync(HttpMethod.Put, $"/services/{service}/definition", Definition, SecuredRegistryHttpFixture.FirstKey);
        using var delete = await Client.SendAsync(HttpMethod.Delete, $"/services/{service}/instances/b", apiKey: SecuredRegistryHttpFixture.SecondKey);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, beat.StatusCode);
        Assert.Equal(HttpStatusCode.OK, definition.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(["a"], (await Client.ListAsync(service)).Select(i => (string)i!["id"]!));
    }

    [Fact]
    public async Task Write_WithTwoKeyHeaders_Returns401()
    {
        var service = Instances.UniqueService("two-keys");
        using var request = new HttpRequestMessage(HttpMethod.Delete, RegistryHttp.Relative($"/services/{service}/instances/a"));
        request.Headers.TryAddWithoutValidation("X-Api-Key", [SecuredRegistryHttpFixture.FirstKey, SecuredRegistryHttpFixture.SecondKey]);

        using var response = await Client.SendAsync(request);

        await RegistryHttp.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Reads_WithoutAKey_StayOpen()
    {
        var service = Instances.UniqueService("open-reads");
        await Client.RegisterAsync(service, "a", apiKey: SecuredRegistryHttpFixture.FirstKey);

        foreach (var path in new[] { "/services", $"/services/{service}", $"/services/{service}/instances/a", $"/services/{service}/select", "/healthz", "/readyz", "/openapi/v1.json" })
        {
            using var response = await Client.GetAsync(RegistryHttp.Relative(path));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Write_WithAnUnknownKey_LogsTheRefusalWithoutTheKey()
    {
        const string guess = "guessed-key-7f3a9c";
        var service = Instances.UniqueService("logged");

        using var response = await Client.SendAsync(HttpMethod.Delete, $"/services/{service}/instances/a", apiKey: guess);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        // The refusal is logged before the answer is written.
        Assert.Contains(fixture.Logs.Entries, entry => entry.EventId.Id == 4001 && entry.Message.Contains(service, StringComparison.Ordinal));
        Assert.DoesNotContain(fixture.Logs.Entries, entry => entry.Message.Contains(guess, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Write_Refused_AnswersProblemDetailsWithTheScheme()
    {
        using var response = await Client.SendAsync(HttpMethod.Delete, $"/services/{Instances.UniqueService("challenge")}/instances/a");

        await RegistryHttp.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("ApiKey header=\"X-Api-Key\"", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public void Start_WithKeys_LogsNoOpenWritesWarning()
    {
        Assert.DoesNotContain(fixture.Logs.Entries, entry => entry.EventId.Id == 4000);
    }

    [Fact]
    public async Task Select_LeastConnectionsLeaseNeverReleased_ExpiresAfterLeaseDuration()
    {
        var service = Instances.UniqueService("expiry");
        await Client.RegisterAsync(service, "a", apiKey: SecuredRegistryHttpFixture.FirstKey);
        await Client.RegisterAsync(service, "b", apiKey: SecuredRegistryHttpFixture.FirstKey);
        var held = await SelectLeastConnectionsAsync(service);
        var other = await SelectLeastConnectionsAsync(service);
        await ReleaseAsync(service, other.Lease);

        // While the held lease is open, every pick avoids its instance (each probe's lease is returned at once).
        var probe = await SelectLeastConnectionsAsync(service);
        Assert.NotEqual(held.Id, probe.Id);
        await ReleaseAsync(service, probe.Lease);

        await Eventually.TrueAsync(
            async () =>
            {
                var pick = await SelectLeastConnectionsAsync(service);
                await ReleaseAsync(service, pick.Lease);
                return pick.Id == held.Id;
            },
            SecuredRegistryHttpFixture.LeaseDuration * 10,
            $"the unreleased lease on {held.Id} expires after {SecuredRegistryHttpFixture.LeaseDuration} and it is picked again");
    }

    private async Task<string> SnapshotAsync(string service)
    {
        var (_, list, response) = await Client.GetJsonAsync($"/services/{service}");
        var index = RegistryHttp.IndexOf(response);
        response.Dispose();
        using var definition = await Client.GetAsync(RegistryHttp.Relative($"/services/{service}/definition"));
        return $"{index} {list!.ToJsonString()} {(int)definition.StatusCode}";
    }

    private async Task<(string Id, string Lease)> SelectLeastConnectionsAsync(string service)
    {
        using var response = await Client.GetAsync(RegistryHttp.Relative($"/services/{service}/select?strategy=least_connections"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return ((string)body["id"]!, response.Headers.GetValues("X-Registry-Lease").Single());
    }

    private async Task ReleaseAsync(string service, string lease)
    {
        using var response = await Client.SendAsync(HttpMethod.Post, $"/services/{service}/leases/{lease}/release");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }
}
