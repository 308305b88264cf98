using System.Diagnostics;
using System.Net;
using OrleansRegistry.Client.Calls;
using OrleansRegistry.Client.Discovery;
using OrleansRegistry.Client.Options;
using OrleansRegistry.Grains;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Client.Discovery;

/// <summary>The registry goes away and comes back; each test runs its own silo so it can stop it.</summary>
public sealed class RegistryOutageTests : IAsyncLifetime
{
    private readonly HttpBackends _backends = new();
    private InProcessSilo _silo = null!;

    public async Task InitializeAsync() => _silo = await InProcessSilo.StartAsync();

    public async Task DisposeAsync()
    {
        await _silo.DisposeAsync();
        await _backends.StopAllAsync();
    }

    [Fact]
    public async Task GetAsync_RegistryStopped_ServesLastKnownGoodAndCallsStillWork()
    {
        var name = Instances.UniqueService("outage");
        await using var client = await RegistryClientHost.StartAsync(_silo.GatewayPort, ShortTimes);
        var service = client.GrainFactory.GetGrain<IServiceGrain>(name);
        foreach (var backend in await StartBackendsAsync(2))
        {
            await service.RegisterAsync(backend.AsInstance(name));
        }

        var before = await client.Cache.GetAsync(name);
        await _silo.StopAsync();
        await Eventually.TrueAsync(
            () => Task.FromResult(client.Cache.TryGetCached(name, out var cached) && cached!.IsStale),
            TimeSpan.FromSeconds(10),
            "the cached list to outlive its TTL");

        var clock = Stopwatch.StartNew();
        var during = await client.Cache.GetAsync(name);
        var firstRead = clock.Elapsed;
        var response = await client.Client.SendAsync(new ServiceRequest(name, HttpMethod.Get, "/whoami"));

        Assert.True(during.IsStale);
        Assert.Equal(before.Snapshot.Instances.Select(i => i.Id), during.Snapshot.Instances.Select(i => i.Id));
        Assert.True(firstRead < TimeSpan.FromSeconds(3), $"a read during the outage took {firstRead}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task GetAsync_RegistryStoppedAndServiceNeverCached_ThrowsRegistryUnavailable()
    {
        await using var client = await RegistryClientHost.StartAsync(_silo.GatewayPort, ShortTimes);
        await _silo.StopAsync();

        var error = await Assert.ThrowsAsync<RegistryUnavailableException>(async () => await client.Cache.GetAsync(Instances.UniqueService("never")));

        Assert.NotNull(error.InnerException);
    }

    [Fact]
    public async Task Subscription_RegistryRestarted_ResubscribedAndPushesArriveAgain()
    {
        var name = Instances.UniqueService("restart");
        // Renewals on the timer are rarer than the deadline: only the reconnection may resubscribe.
        await using var client = await RegistryClientHost.StartAsync(_silo.GatewayPort, options =>
        {
            ShortTimes(options);
            options.SubscriptionRenewal = TimeSpan.FromSeconds(110);
        });
        var backends = await StartBackendsAsync(2);
        await client.GrainFactory.GetGrain<IServiceGrain>(name).RegisterAsync(backends[0].AsInstance(name));
        await client.Cache.GetAsync(name);

        await _silo.StopAsync();
        await _silo.StartAgainAsync();

        // The restarted registry remembers nothing (in-memory storage); what it is told now must
        // reach the client's cache without the client reading the service again.
        var registered = false;
        await Eventually.TrueAsync(
            async () =>
            {
                if (!registered)
                {
                    try
                    {
                        await client.GrainFactory.GetGrain<IServiceGrain>(name).RegisterAsync(backends[1].AsInstance(name));
                        registered = true;
                    }
                    catch (Exception exception) when (exception is not OutOfMemoryException)
                    {
                        return false;
                    }
                }

                return client.Cache.TryGetCached(name, out var cached)
                    && cached!.Snapshot.Instances.Select(i => i.Id).SequenceEqual([backends[1].Name]);
            },
            TimeSpan.FromSeconds(20),
            "the client to reconnect, resubscribe and hold the restarted registry's list");
    }

    private static void ShortTimes(RegistryClientOptions options)
    {
        options.CacheTtl = TimeSpan.FromSeconds(1);
        options.RegistryTimeout = TimeSpan.FromSeconds(1);
        options.OutageRetryInterval = TimeSpan.FromSeconds(1);
        options.Resilience.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
    }

    private async Task<HttpBackend[]> StartBackendsAsync(int count)
    {
        var started = new HttpBackend[count];
        for (var i = 0; i < count; i++)
        {
            started[i] = await _backends.StartAsync($"backend-{i}");
        }

        return started;
    }
}
