using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OrleansRegistry.Silo.Http;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Http;

/// <summary>A blocking query with filters wakes when its filtered answer changes, not for changes outside it.</summary>
[Collection(RegistryHttpCollection.Name)]
public sealed class FilteredBlockingQueryTests(RegistryHttpFixture fixture)
{
    private HttpClient Client => fixture.Client;

    private ServiceChangeWatcher Watcher => fixture.Services.GetRequiredService<ServiceChangeWatcher>();

    [Fact]
    public async Task Wait_ChangeOutsideThenInsideFilter_WakesOnlyForTheChangeInside()
    {
        var service = Instances.UniqueService("filtered-block");
        await Client.RegisterAsync(service, "blue-1", extra: ""","tags":["blue"]""", metadata: """{"zone":"eu"}""");
        await Client.RegisterAsync(service, "green-1", extra: ""","tags":["green"]""", metadata: """{"zone":"eu"}""");
        var index = await IndexAsync($"/services/{service}?tag=blue&meta.zone=eu");
        var waitingBefore = Watcher.Waiting;

        var blocked = Client.GetAsync(RegistryHttp.Relative($"/services/{service}?tag=blue&meta.zone=eu&index={index}&wait=60s"));
        await Eventually.TrueAsync(() => Task.FromResult(Watcher.Waiting > waitingBefore || blocked.IsCompleted), TimeSpan.FromSeconds(10), "the filtered query is waiting");

        // Outside the filter: a new untagged instance, a status change of a green one, a blue one in another zone.
        await Client.RegisterAsync(service, "green-2", extra: ""","tags":["green"]""");
        await Client.RegisterAsync(service, "green-1", status: "unhealthy", extra: ""","tags":["green"]""", metadata: """{"zone":"eu"}""");
        await Client.RegisterAsync(service, "blue-us", extra: ""","tags":["blue"]""", metadata: """{"zone":"us"}""");
        var outsideIndex = await IndexAsync($"/services/{service}");
        Assert.True(outsideIndex >= index + 3, $"the silo's copy moved from {index} to {outsideIndex}: the changes outside the filter were applied");

        // A second filtered query started after those changes is answered only once the first has seen them too.
        var second = Client.GetAsync(RegistryHttp.Relative($"/services/{service}?tag=blue&meta.zone=eu&index={outsideIndex}&wait=60s"));
        await Eventually.TrueAsync(() => Task.FromResult(Watcher.Waiting > waitingBefore + 1 || second.IsCompleted), TimeSpan.FromSeconds(10), "the second filtered query is waiting");
        Assert.False(blocked.IsCompleted, "the filtered query still waits after three changes outside its filter");
        Assert.False(second.IsCompleted, "the second filtered query waits too");

        await Client.RegisterAsync(service, "blue-2", extra: ""","tags":["blue","canary"]""", metadata: """{"zone":"eu"}""");
        using var first = await blocked.WaitAsync(TimeSpan.FromSeconds(10));
        using var next = await second.WaitAsync(TimeSpan.FromSeconds(10));

        foreach (var response in new[] { first, next })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(outsideIndex + 1, RegistryHttp.IndexOf(response));
            var ids = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray().Select(i => (string)i!["id"]!).Order(StringComparer.Ordinal);
            Assert.Equal(["blue-1", "blue-2"], ids);
        }
    }

    [Fact]
    public async Task Wait_FilteredInstanceChangesStatus_Wakes()
    {
        var service = Instances.UniqueService("filtered-status");
        await Client.RegisterAsync(service, "blue-1", extra: ""","tags":["blue"]""");
        var index = await IndexAsync($"/services/{service}?tag=blue");

        var blocked = Client.GetAsync(RegistryHttp.Relative($"/services/{service}?tag=blue&index={index}&wait=60s"));
        await Client.RegisterAsync(service, "blue-1", status: "unhealthy", extra: ""","tags":["blue"]""");
        using var response = await blocked.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(index + 1, RegistryHttp.IndexOf(response));
        Assert.Equal("unhealthy", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())![0]!["status"]);
    }

    private async Task<long> IndexAsync(string path)
    {
        using var response = await Client.GetAsync(RegistryHttp.Relative(path));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return RegistryHttp.IndexOf(response);
    }
}
