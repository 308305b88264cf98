using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OrleansRegistry.Client.Hosting;
using OrleansRegistry.Client.Options;
using OrleansRegistry.Client.Picking;
using OrleansRegistry.Client.Watching;
using OrleansRegistry.Grains;
using OrleansRegistry.Model;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Client.Discovery;

/// <summary>The client library's namespace option, filters and zone-aware picks, in both transports.</summary>
[Collection(RegistryClientCollection.Name)]
public sealed class ClientIsolationAndFilterTests(RegistryHttpFixture fixture) : IAsyncLifetime
{
    private readonly HttpBackends _backends = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _backends.StopAllAsync();

    [Theory]
    [MemberData(nameof(ClientTransports.Both), MemberType = typeof(ClientTransports))]
    public async Task Namespace_SameNameInTwoNamespaces_NothingCrosses(ClientTransport transport)
    {
        var name = Instances.UniqueService("iso");
        var (left, right) = ($"left-{Guid.NewGuid():N}"[..20], $"right-{Guid.NewGuid():N}"[..20]);
        var leftBackend = await _backends.StartAsync("left-backend");
        var rightBackend = await _backends.StartAsync("right-backend");
        await using var leftClient = RegistryClientHost.Create(fixture, transport, options => options.Namespace = left);
        await using var rightClient = RegistryClientHost.Create(fixture, transport, options => options.Namespace = right);
        await leftClient.Transport.RegisterAsync(leftBackend.AsInstance(name), CancellationToken.None);
        await rightClient.Transport.RegisterAsync(rightBackend.AsInstance(name), CancellationToken.None);
        using var watch = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var leftChanges = leftClient.Watcher.WatchAsync(name, watch.Token).GetAsyncEnumerator(watch.Token);
        Assert.True(await leftChanges.MoveNextAsync());

        // A change in the other namespace is not news here; one in this namespace is.
        await rightClient.Transport.RegisterAsync(Instances.Create(name, "right-extra", rightBackend.Port), CancellationToken.None);
        await leftClient.Transport.RegisterAsync(Instances.Create(name, "left-extra", leftBackend.Port), CancellationToken.None);
        Assert.True(await leftChanges.MoveNextAsync());
        var change = leftChanges.Current;

        Assert.Equal(["left-extra"], change.Added.Select(instance => instance.Id));
        Assert.Equal(["left-backend", "left-extra"], (await leftClient.Cache.GetAsync(name)).Snapshot.Instances.Select(i => i.Id).Order());
        Assert.Equal(["right-backend", "right-extra"], (await rightClient.Cache.GetAsync(name)).Snapshot.Instances.Select(i => i.Id).Order());
        Assert.Empty(await fixture.GrainFactory.GetGrain<IServiceGrain>(name).GetInstancesAsync());
        for (var i = 0; i < 4; i++)
        {
            await using var lease = await leftClient.Selector.AcquireAsync(name, LoadBalancingStrategy.RoundRobin, selection: SelectionMode.Balancer);
            Assert.StartsWith("left-", lease.Instance.Id, StringComparison.Ordinal);
        }

        await rightClient.Transport.DeregisterAsync(name, "right-backend", CancellationToken.None);
        Assert.Equal(2, (await fixture.GrainFactory.GetGrain<IServiceGrain>(new ServiceKey(left, name).GrainKey).GetInstancesAsync()).Count);
    }

    [Theory]
    [MemberData(nameof(ClientTransports.BothWithEachSelection), MemberType = typeof(ClientTransports))]
    public async Task AcquireAsync_Filter_PicksOnlyMatchingAndDiscoveryListsThem(ClientTransport transport, SelectionMode mode)
    {
        var name = Instances.UniqueService("filtered");
        var service = fixture.GrainFactory.GetGrain<IServiceGrain>(name);
        await service.RegisterAsync(Instances.Create(name, "eu-1", 1001) with { Tags = ["eu", "canary"] });
        await service.RegisterAsync(Instances.Create(name, "eu-2", 1002) with { Tags = ["eu"], Metadata = new Dictionary<string, string> { ["rack"] = "r1" } });
        await service.RegisterAsync(Instances.Create(name, "us-1", 1003) with { Tags = ["us"], Metadata = new Dictionary<string, string> { ["rack"] = "r1" } });
        await using var host = RegistryClientHost.Create(fixture, transport);
        var eu = InstanceFilter.OfTag("eu");
        var euOnRack = new InstanceFilter(["eu"], [new MetadataMatch("rack", "r1")]);

        var picked = new HashSet<string>();
        for (var i = 0; i < 6; i++)
        {
            await using var lease = await host.Selector.AcquireAsync(name, LoadBalancingStrategy.RoundRobin, selection: mode, filter: eu);
            picked.Add(lease.Instance.Id);
        }

        await using (var single = await host.Selector.AcquireAsync(name, LoadBalancingStrategy.Random, selection: mode, filter: euOnRack))
        {
            Assert.Equal("eu-2", single.Instance.Id);
        }

        Assert.Equal(["eu-1", "eu-2"], picked.Order());
        Assert.Equal(["eu-1", "eu-2"], (await host.Cache.GetAsync(name, eu)).Selectable.Select(i => i.Id));
        Assert.Equal(["eu-2", "us-1"], (await host.Cache.GetAsync(name, new InstanceFilter([], [new MetadataMatch("rack", "r1")]))).Snapshot.Instances.Select(i => i.Id).Order());
        await Assert.ThrowsAsync<NoInstanceAvailableException>(async () =>
            await host.Selector.AcquireAsync(name, LoadBalancingStrategy.RoundRobin, selection: mode, filter: InstanceFilter.OfTag("asia")));
    }

    [Theory]
    [MemberData(nameof(ClientTransports.BothWithEachSelection), MemberType = typeof(ClientTransports))]
    public async Task AcquireAsync_Near_StaysInZoneFallsBackWhileItsLastIsInMaintenanceAndReturns(ClientTransport transport, SelectionMode mode)
    {
        var name = Instances.UniqueService("zoned");
        var service = fixture.GrainFactory.GetGrain<IServiceGrain>(name);
        await service.RegisterAsync(Zoned(name, "a-1", "zone-a"));
        await service.RegisterAsync(Zoned(name, "b-1", "zone-b"));
        await service.RegisterAsync(Zoned(name, "b-2", "zone-b"));
        await using var host = RegistryClientHost.Create(fixture, transport);

        for (var i = 0; i < 4; i++)
        {
            await using var lease = await host.Selector.AcquireAsync(name, LoadBalancingStrategy.RoundRobin, selection: mode, near: "zone-a");
            Assert.Equal(("a-1", false), (lease.Instance.Id, lease.ZoneFallback));
        }

        await host.Transport.SetMaintenanceAsync(name, "a-1", "patching", CancellationToken.None);
        await Eventually.TrueAsync(
            async () =>
            {
                await using var lease = await host.Selector.AcquireAsync(name, LoadBalancingStrategy.RoundRobin, selection: mode, near: "zone-a");
                return lease.ZoneFallback && lease.Instance.Id.StartsWith("b-", StringComparison.Ordinal);
            },
            TimeSpan.FromSeconds(5),
            "picks near zone-a to fall back to zone-b while a-1 is in maintenance");

        await host.Transport.SetMaintenanceAsync(name, "a-1", null, CancellationToken.None);
        await Eventually.TrueAsync(
            async () =>
            {
                await using var lease = await host.Selector.AcquireAsync(name, LoadBalancingStrategy.RoundRobin, selection: mode, near: "zone-a");
                return !lease.ZoneFallback && lease.Instance.Id == "a-1";
            },
            TimeSpan.FromSeconds(5),
            "picks near zone-a to return to a-1 once it left maintenance");
    }

    [Theory]
    [MemberData(nameof(ClientTransports.Both), MemberType = typeof(ClientTransports))]
    public async Task ServiceDiscovery_EndpointName_ResolvesOnlyInstancesTaggedWithIt(ClientTransport transport)
    {
        var name = Instances.UniqueService("sd-tag");
        var eu = await _backends.StartAsync("sd-eu");
        var us = await _backends.StartAsync("sd-us");
        var service = fixture.GrainFactory.GetGrain<IServiceGrain>(name);
        await service.RegisterAsync(eu.AsInstance(name) with { Tags = ["eu"] });
        await service.RegisterAsync(us.AsInstance(name) with { Tags = ["us"] });
        await using var host = RegistryClientHost.Create(fixture, transport, services: services =>
        {
            services.AddServiceDiscovery();
            services.AddRegistryServiceEndpointProvider();
            services.AddHttpClient("eu", http => http.BaseAddress = new Uri($"http://_eu.{name}")).AddServiceDiscovery();
            services.AddHttpClient("all", http => http.BaseAddress = new Uri($"http://{name}")).AddServiceDiscovery();
        });
        var clients = host.Services.GetRequiredService<IHttpClientFactory>();

        var euAnswers = new HashSet<string>();
        var allAnswers = new HashSet<string>();
        for (var i = 0; i < 6; i++)
        {
            euAnswers.Add((await clients.CreateClient("eu").GetFromJsonAsync<WhoAmI>("/whoami"))!.Backend);
            allAnswers.Add((await clients.CreateClient("all").GetFromJsonAsync<WhoAmI>("/whoami"))!.Backend);
        }

        Assert.Equal(["sd-eu"], euAnswers);
        Assert.Equal(["sd-eu", "sd-us"], allAnswers.Order());
    }

    private static ServiceInstance Zoned(string service, string id, string zone) =>
        Instances.Create(service, id, 2000 + id.GetHashCode(StringComparison.Ordinal) % 1000 + 1000) with
        {
            Metadata = new Dictionary<string, string> { [ServiceInstance.ZoneKey] = zone },
        };

    private sealed record WhoAmI(string Backend);
}
