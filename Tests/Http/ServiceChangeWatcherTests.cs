using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OrleansRegistry.Silo.Http;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Http;

/// <summary>Blocking queries: <c>GET /services/{name}?index=N&amp;wait=D</c>.</summary>
[Collection(TimingRegistryHttpCollection.Name)]
public sealed class ServiceChangeWatcherTests(RegistryHttpFixture fixture)
{
    private HttpClient Client => fixture.Client;

    private ServiceChangeWatcher Watcher => fixture.Services.GetRequiredService<ServiceChangeWatcher>();

    [Fact]
    public async Task Wait_ServiceChangesWhileWaiting_ReturnsWithin200MsOfTheChange()
    {
        var service = Instances.UniqueService("block");
        await Client.RegisterAsync(service, "a");
        var index = await IndexAsync(service);
        var waitingBefore = Watcher.Waiting;

        var clock = Stopwatch.StartNew();
        var blocked = Client.GetAsync(RegistryHttp.Relative($"/services/{service}?index={index}&wait=30s"));
        await Eventually.TrueAsync(() => Task.FromResult(Watcher.Waiting > waitingBefore || blocked.IsCompleted), TimeSpan.FromSeconds(10), "the blocking query is waiting");
        Assert.False(blocked.IsCompleted, "the query waits while nothing changed");

        await Client.RegisterAsync(service, "b");
        var changed = clock.Elapsed;
        using var response = await blocked;
        var answered = clock.Elapsed;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(answered - changed < TimeSpan.FromMilliseconds(200), $"answered {(answered - changed).TotalMilliseconds:0} ms after the change was acknowledged");
        Assert.Equal(index + 1, RegistryHttp.IndexOf(response));
        var ids = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray().Select(i => (string)i!["id"]!);
        Assert.Equal(["a", "b"], ids);
    }

    [Fact]
    public async Task Wait_NothingChanges_ReturnsUnchangedAtTheDeadline()
    {
        var service = Instances.UniqueService("deadline");
        await Client.RegisterAsync(service, "a");
        var index = await IndexAsync(service);
        var before = await Client.ListAsync(service);

        var clock = Stopwatch.StartNew();
        using var response = await Client.GetAsync(RegistryHttp.Relative($"/services/{service}?index={index}&wait=1s"));
        var elapsed = clock.Elapsed;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(elapsed >= TimeSpan.FromSeconds(1), $"waited {elapsed.TotalMilliseconds:0} ms, at least the 1 s asked");
        Assert.True(elapsed < TimeSpan.FromSeconds(1) + TimeSpan.FromSeconds(1.0 / 16) + TimeSpan.FromMilliseconds(700), $"waited {elapsed.TotalMilliseconds:0} ms, about 1 s plus jitter");
        Assert.Equal(index, RegistryHttp.IndexOf(response));
        Assert.True(JsonNode.DeepEquals(before, JsonNode.Parse(await response.Content.ReadAsStringAsync())));
    }

    [Fact]
    public async Task Wait_HeartbeatOnly_DoesNotWakeTheQuery()
    {
        var service = Instances.UniqueService("heartbeat");
        await Client.RegisterAsync(service, "a");
        var index = await IndexAsync(service);
        var waitingBefore = Watcher.Waiting;

        var blocked = Client.GetAsync(RegistryHttp.Relative($"/services/{service}?index={index}&wait=1500ms"));
        await Eventually.TrueAsync(() => Task.FromResult(Watcher.Waiting > waitingBefore || blocked.IsCompleted), TimeSpan.FromSeconds(10), "the blocking query is waiting");
        var clock = Stopwatch.StartNew();
        using (var beat = await Client.SendAsync(HttpMethod.Put, $"/services/{service}/instances/a/heartbeat"))
        {
            Assert.Equal(HttpStatusCode.NoContent, beat.StatusCode);
        }

        using var response = await blocked;

        Assert.True(clock.Elapsed > TimeSpan.FromMilliseconds(500), "a heartbeat does not change the index, so the query keeps waiting");
        Assert.Equal(index, RegistryHttp.IndexOf(response));
    }

    [Fact]
    public async Task Wait_IndexBelowCurrent_ReturnsAtOnce()
    {
        var service = Instances.UniqueService("behind");
        await Client.RegisterAsync(service, "a");
        await Client.RegisterAsync(service, "b");

        var clock = Stopwatch.StartNew();
        using var response = await Client.GetAsync(RegistryHttp.Relative($"/services/{service}?index=1&wait=30s"));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"answered after {clock.Elapsed.TotalMilliseconds:0} ms");
        Assert.Equal(2, RegistryHttp.IndexOf(response));
    }

    [Fact]
    public async Task Wait_IndexFromTheFuture_ReturnsAtOnceWithTheCurrentIndex()
    {
        var service = Instances.UniqueService("future");
        await Client.RegisterAsync(service, "a");

        var clock = Stopwatch.StartNew();
        using var response = await Client.GetAsync(RegistryHttp.Relative($"/services/{service}?index=999&wait=30s"));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"answered after {clock.Elapsed.TotalMilliseconds:0} ms");
        Assert.Equal(1, RegistryHttp.IndexOf(response));
    }

    [Fact]
    public async Task Wait_UnknownServiceAtIndexZero_ReturnsWhenItIsFirstRegistered()
    {
        var service = Instances.UniqueService("appears");
        var waitingBefore = Watcher.Waiting;
        var blocked = Client.GetAsync(RegistryHttp.Relative($"/services/{service}?index=0&wait=30s"));
        await Eventually.TrueAsync(() => Task.FromResult(Watcher.Waiting > waitingBefore || blocked.IsCompleted), TimeSpan.FromSeconds(10), "the blocking query is waiting");

        await Client.RegisterAsync(service, "first");
        using var response = await blocked.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, RegistryHttp.IndexOf(response));
        Assert.Equal("first", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())![0]!["id"]);
    }

    [Fact]
    public async Task Wait_WithHealthyFilter_FiltersTheAnswer()
    {
        var service = Instances.UniqueService("filtered");
        await Client.RegisterAsync(service, "up");
        await Client.RegisterAsync(service, "down", status: "unhealthy");

        using var response = await Client.GetAsync(RegistryHttp.Relative($"/services/{service}?index=0&healthy=true"));

        Assert.Equal(2, RegistryHttp.IndexOf(response));
        Assert.Equal(["up"], JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray().Select(i => (string)i!["id"]!));
    }

    private async Task<long> IndexAsync(string service)
    {
        using var response = await Client.GetAsync(RegistryHttp.Relative($"/services/{service}"));
        return RegistryHttp.IndexOf(response);
    }
}
