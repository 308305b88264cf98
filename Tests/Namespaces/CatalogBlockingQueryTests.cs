using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Namespaces;

/// <summary><c>GET /services</c> and <c>GET /namespaces/{ns}/services</c> with <c>?index=N&amp;wait=D</c>.</summary>
[Collection(RegistryHttpCollection.Name)]
public sealed class CatalogBlockingQueryTests(RegistryHttpFixture fixture)
{
    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task Wait_NewService_WakesWithIt()
    {
        var ns = Unique();
        await RegisterAsync(ns, "first", "i-1");
        var index = await IndexAsync(ns);

        var blocked = Client.GetAsync(RegistryHttp.Relative($"/namespaces/{ns}/services?index={index}&wait=30s"));
        await RegisterAsync(ns, "second", "i-1");
        using var response = await blocked.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(RegistryHttp.IndexOf(response) > index);
        var names = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray().Select(s => (string)s!["name"]!);
        Assert.Equal(["first", "second"], names);
    }

    [Fact]
    public async Task Wait_HealthyCountChanges_Wakes()
    {
        var ns = Unique();
        await RegisterAsync(ns, "svc", "i-1");
        var index = await IndexAsync(ns);

        var blocked = Client.GetAsync(RegistryHttp.Relative($"/namespaces/{ns}/services?index={index}&wait=30s"));
        await RegisterAsync(ns, "svc", "i-1", status: "unhealthy");
        using var response = await blocked.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(RegistryHttp.IndexOf(response) > index);
        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse("""[{"name":"svc","instances":1,"healthy":0}]"""), JsonNode.Parse(await response.Content.ReadAsStringAsync())));
    }

    [Fact]
    public async Task Wait_ChangesThatKeepTheCounts_DoNotWake()
    {
        var (ns, other) = (Unique(), Unique());
        await RegisterAsync(ns, "svc", "i-1");
        await RegisterAsync(other, "svc", "i-1");
        var index = await IndexAsync(ns);

        var clock = Stopwatch.StartNew();
        var blocked = Client.GetAsync(RegistryHttp.Relative($"/namespaces/{ns}/services?index={index}&wait=2s"));
        await RegisterAsync(ns, "svc", "i-1", port: 9999);
        using (var heartbeat = await Client.PutAsync($"/namespaces/{ns}/services/svc/instances/i-1/heartbeat", string.Empty))
        {
            Assert.Equal(HttpStatusCode.NoContent, heartbeat.StatusCode);
        }

        await RegisterAsync(other, "svc", "i-2");
        await RegisterAsync(other, "new", "i-1");
        using var response = await blocked;

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(2), $"answered after {clock.ElapsedMilliseconds} ms, at the deadline");
        Assert.Equal(index, RegistryHttp.IndexOf(response));
    }

    [Fact]
    public async Task Index_AddRemoveAndCountChanges_OnlyGrows()
    {
        var ns = Unique();
        var indexes = new List<long> { await IndexAsync(ns) };
        await RegisterAsync(ns, "a", "i-1");
        indexes.Add(await IndexAsync(ns));
        await RegisterAsync(ns, "a", "i-2");
        indexes.Add(await IndexAsync(ns));
        await RegisterAsync(ns, "b", "i-1");
        indexes.Add(await IndexAsync(ns));
        await DeleteAsync(ns, "b", "i-1");
        indexes.Add(await IndexAsync(ns));
        await DeleteAsync(ns, "a", "i-1");
        indexes.Add(await IndexAsync(ns));
        await DeleteAsync(ns, "a", "i-2");
        indexes.Add(await IndexAsync(ns));

        for (var i = 1; i < indexes.Count; i++)
        {
            Assert.True(indexes[i] > indexes[i - 1], $"index {i} ({indexes[i]}) grew past {indexes[i - 1]}: {string.Join(", ", indexes)}");
        }
    }

    [Fact]
    public async Task Wait_IndexFromElsewhere_AnswersAtOnce()
    {
        var ns = Unique();
        await RegisterAsync(ns, "svc", "i-1");
        var index = await IndexAsync(ns);

        var clock = Stopwatch.StartNew();
        using var response = await Client.GetAsync(RegistryHttp.Relative($"/namespaces/{ns}/services?index={index + 5}&wait=30s"));
        using var unprefixed = await Client.GetAsync(RegistryHttp.Relative("/services?index=1&wait=30s"));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"answered after {clock.ElapsedMilliseconds} ms");
        Assert.Equal(index, RegistryHttp.IndexOf(response));
        Assert.Equal(HttpStatusCode.OK, unprefixed.StatusCode);
        Assert.True(RegistryHttp.IndexOf(unprefixed) > 1);
    }

    [Theory]
    [InlineData("index=x")]
    [InlineData("index=1&wait=forever")]
    public async Task Wait_MalformedQuery_Is400(string query)
    {
        using var response = await Client.GetAsync(RegistryHttp.Relative($"/services?{query}"));

        await RegistryHttp.AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    private static string Unique() => $"cat-{Guid.NewGuid():N}";

    private async Task RegisterAsync(string ns, string name, string id, string status = "healthy", int port = 8080)
    {
        using var response = await Client.PutAsync($"/namespaces/{ns}/services/{name}/instances/{id}", $$"""{"host":"127.0.0.1","port":{{port}},"status":"{{status}}"}""");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task DeleteAsync(string ns, string name, string id)
    {
        using var response = await Client.DeleteAsync(RegistryHttp.Relative($"/namespaces/{ns}/services/{name}/instances/{id}"));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    private async Task<long> IndexAsync(string ns)
    {
        using var response = await Client.GetAsync(RegistryHttp.Relative($"/namespaces/{ns}/services"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return RegistryHttp.IndexOf(response);
    }
}
