using System.Diagnostics;
using System.Net;
using OrleansRegistry.Client.Calls;
using OrleansRegistry.Client.Discovery;
using OrleansRegistry.Client.Options;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Client.Discovery;

/// <summary>
/// The registry goes away and comes back; each test runs its own silo process (in-memory state) so
/// it can stop it, and reaches it through the transport under test.
/// </summary>
public sealed class RegistryOutageTests : IAsyncLifetime
{
    private readonly HttpBackends _backends = new();
    private readonly string _clusterId = $"outage-{Guid.NewGuid():N}"[..20];
    private SiloProcess _silo = null!;

    public async Task InitializeAsync() => _silo = await StartSiloAsync(ports: null);

    public async Task DisposeAsync()
    {
        await _silo.DisposeAsync();
        await _backends.StopAllAsync();
    }

    [Theory]
    [MemberData(nameof(ClientTransports.Both), MemberType = typeof(ClientTransports))]
    public async Task GetAsync_RegistryStopped_ServesLastKnownGoodAndCallsStillWork(ClientTransport transport)
    {
        var name = Instances.UniqueService("outage");
        await using var client = await RegistryClientHost.StartAsync(transport, _silo, ShortTimes);
        foreach (var backend in await StartBackendsAsync(2))
        {
            await client.Transport.RegisterAsync(backend.AsInstance(name), CancellationToken.None);
        }

        var before = await client.Cache.GetAsync(name);
        await _silo.KillAsync();
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

    [Theory]
    [MemberData(nameof(ClientTransports.Both), MemberType = typeof(ClientTransports))]
    public async Task GetAsync_RegistryStoppedAndServiceNeverCached_ThrowsRegistryUnavailable(ClientTransport transport)
    {
        await using var client = await RegistryClientHost.StartAsync(transport, _silo, ShortTimes);
        await _silo.KillAsync();

        var error = await Assert.ThrowsAsync<RegistryUnavailableException>(async () => await client.Cache.GetAsync(Instances.UniqueService("never")));

        Assert.NotNull(error.InnerException);
    }

    [Theory]
    [MemberData(nameof(ClientTransports.Both), MemberType = typeof(ClientTransports))]
    public async Task Subscription_RegistryRestarted_ResubscribedAndPushesArriveAgain(ClientTransport transport)
    {
        var name = Instances.UniqueService("restart");
        // Renewals on the timer are rarer than the deadline: only the reconnection may resubscribe.
        await using var client = await RegistryClientHost.StartAsync(transport, _silo, options =>
        {
            ShortTimes(options);
            options.SubscriptionRenewal = TimeSpan.FromSeconds(110);
        });
        var backends = await StartBackendsAsync(2);
        await client.Transport.RegisterAsync(backends[0].AsInstance(name), CancellationToken.None);
        await client.Cache.GetAsync(name);

        var ports = _silo.Ports;
        await _silo.KillAsync();
        await _silo.DisposeAsync();
        _silo = await StartSiloAsync(ports);

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
                        await client.Transport.RegisterAsync(backends[1].AsInstance(name), CancellationToken.None);
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
            TimeSpan.FromSeconds(30),
            "the client to reconnect, resubscribe and hold the restarted registry's list");
    }

    private async Task<SiloProcess> StartSiloAsync((int Http, int Silo, int Gateway)? ports)
    {
        var silo = SiloProcess.Start(new SiloLaunch(RepositoryPaths.SiloDll, RepositoryPaths.Root, _clusterId) { Ports = ports });
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        await silo.WaitReadyAsync(http);
        return silo;
    }

    private static void ShortTimes(RegistryClientOptions options)
    {
        options.CacheTtl = TimeSpan.FromSeconds(1);
        options.RegistryTimeout = TimeSpan.FromSeconds(1);
        options.OutageRetryInterval = TimeSpan.FromSeconds(1);
        options.BlockingQueryWait = TimeSpan.FromSeconds(1);
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
