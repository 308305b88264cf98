using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OrleansRegistry.Client.Calls;
using OrleansRegistry.Client.Transport.Http;
using OrleansRegistry.Tests.Processes;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Client.Discovery;

/// <summary>
/// HTTP mode with two silos' URLs: the client moves on when the one it uses dies, and serves its
/// last-known list while none answers. Two silo processes of one cluster (membership and state in Azurite).
/// </summary>
public sealed class HttpRegistryFailoverTests : IAsyncLifetime
{
    private readonly HttpBackends _backends = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _backends.StopAllAsync();

    [Fact]
    public async Task HttpMode_FirstRegistryKilledThenAll_MovesOnFollowsChangesThenServesLastKnownGood()
    {
        await using var cluster = await ProcessCluster.StartAsync(2);
        var (first, second) = (cluster.Silos[0], cluster.Silos[1]);
        var name = Instances.UniqueService("failover");
        var backends = new[] { await _backends.StartAsync("failover-0"), await _backends.StartAsync("failover-1") };
        await using var client = RegistryClientHost.CreateOverHttp([first.BaseAddress, second.BaseAddress], options =>
        {
            options.CacheTtl = TimeSpan.FromSeconds(3);
            options.RegistryTimeout = TimeSpan.FromSeconds(2);
            options.OutageRetryInterval = TimeSpan.FromSeconds(1);
            options.BlockingQueryWait = TimeSpan.FromSeconds(2);
            options.Resilience.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
        });
        var transport = client.Services.GetRequiredService<HttpRegistryTransport>();
        await transport.RegisterAsync(backends[0].AsInstance(name), CancellationToken.None);
        Assert.Equal([backends[0].Name], (await client.Cache.GetAsync(name)).Snapshot.Instances.Select(i => i.Id));

        await first.KillAsync();

        // Until the cluster declares the first silo dead, a write whose grain lived there may fail: ask again.
        await Eventually.TrueAsync(
            async () =>
            {
                try
                {
                    await transport.RegisterAsync(backends[1].AsInstance(name), CancellationToken.None);
                    return true;
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    return false;
                }
            },
            TimeSpan.FromSeconds(60),
            "a registration through the second registry");
        await Eventually.TrueAsync(
            () => Task.FromResult(client.Cache.TryGetCached(name, out var cached) && cached!.Snapshot.Instances.Count == 2),
            TimeSpan.FromSeconds(30),
            "the client's subscription to follow the change through the second registry");
        Assert.Equal(second.BaseAddress.Authority, transport.CurrentUrl.Authority);

        await second.KillAsync();
        await Eventually.TrueAsync(
            () => Task.FromResult(client.Cache.TryGetCached(name, out var cached) && cached!.IsStale),
            TimeSpan.FromSeconds(15),
            "the cached list to outlive its TTL with no registry answering");

        var during = await client.Cache.GetAsync(name);
        var answered = new HashSet<string>();
        for (var i = 0; i < 4; i++)
        {
            var response = await client.Client.SendAsync(new ServiceRequest(name, HttpMethod.Get, "/whoami"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            answered.Add(response.Instance.Id);
        }

        Assert.True(during.IsStale);
        Assert.Equal(backends.Select(b => b.Name), during.Snapshot.Instances.Select(i => i.Id).Order());
        Assert.Equal(backends.Select(b => b.Name), answered.Order());
    }
}
