using System.Diagnostics;
using Orleans.Core.Internal;
using Microsoft.Extensions.Time.Testing;
using OrleansRegistry.Client.Discovery;
using OrleansRegistry.Grains;
using OrleansRegistry.Model;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;
using OrleansRegistry.Validation;
using Xunit.Abstractions;

namespace OrleansRegistry.Tests.Client.Discovery;

[Collection(RegistryClientCollection.Name)]
public sealed class RegistryServiceCacheTests(RegistryHttpFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan PushDeadline = TimeSpan.FromMilliseconds(100);

    [Theory]
    [MemberData(nameof(ClientTransports.Both), MemberType = typeof(ClientTransports))]
    public async Task GetAsync_FirstUse_ReturnsRegisteredInstancesSelectableOnly(ClientTransport transport)
    {
        var name = Instances.UniqueService("cache-first");
        var service = fixture.GrainFactory.GetGrain<IServiceGrain>(name);
        await service.RegisterAsync(Instances.Create(name, "b"));
        await service.RegisterAsync(Instances.Create(name, "a"));
        await service.RegisterAsync(Instances.Create(name, "down", status: ServiceStatus.Unhealthy));
        await using var host = RegistryClientHost.Create(fixture, transport);

        var discovered = await host.Cache.GetAsync(name);

        Assert.Equal(["a", "b", "down"], discovered.Snapshot.Instances.Select(i => i.Id).Order());
        Assert.Equal(["a", "b"], discovered.Selectable.Select(i => i.Id));
        Assert.False(discovered.IsStale);
    }

    [Theory]
    [MemberData(nameof(ClientTransports.Both), MemberType = typeof(ClientTransports))]
    public async Task GetAsync_InvalidName_ThrowsValidationException(ClientTransport transport)
    {
        await using var host = RegistryClientHost.Create(fixture, transport);

        var error = await Assert.ThrowsAsync<RegistryValidationException>(async () => await host.Cache.GetAsync("not a name"));

        Assert.Equal("service_name", error.Field);
    }

    [Theory]
    [MemberData(nameof(ClientTransports.Both), MemberType = typeof(ClientTransports))]
    public async Task Push_RegisterAndDeregister_AppliedWithin100Milliseconds(ClientTransport transport)
    {
        var name = Instances.UniqueService("cache-push");
        var service = fixture.GrainFactory.GetGrain<IServiceGrain>(name);
        await service.RegisterAsync(Instances.Create(name, "warm"));
        await using var host = RegistryClientHost.Create(fixture, transport);
        await host.Cache.GetAsync(name);

        // The first change warms the push path; the next ones are measured.
        await MeasurePushAsync(host, () => service.RegisterAsync(Instances.Create(name, "first")), expectedIds: ["first", "warm"]);
        var registerTime = await MeasurePushAsync(host, () => service.RegisterAsync(Instances.Create(name, "second")), expectedIds: ["first", "second", "warm"]);
        var deregisterTime = await MeasurePushAsync(host, () => service.DeregisterAsync("first"), expectedIds: ["second", "warm"]);

        output.WriteLine($"register pushed in {registerTime.TotalMilliseconds:0.0} ms, deregister in {deregisterTime.TotalMilliseconds:0.0} ms");
        Assert.True(registerTime < PushDeadline, $"a registration reached the cache after {registerTime.TotalMilliseconds} ms");
        Assert.True(deregisterTime < PushDeadline, $"a deregistration reached the cache after {deregisterTime.TotalMilliseconds} ms");
    }

    [Theory]
    [MemberData(nameof(ClientTransports.Both), MemberType = typeof(ClientTransports))]
    public async Task GetAsync_TtlPassed_ReadsRegistryAgain(ClientTransport transport)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var name = Instances.UniqueService("cache-ttl");
        await fixture.GrainFactory.GetGrain<IServiceGrain>(name).RegisterAsync(Instances.Create(name, "a"));
        await using var host = RegistryClientHost.Create(fixture, transport,
            options =>
            {
                options.CacheTtl = TimeSpan.FromSeconds(60);

                // No renewal inside the advanced minute: only the read may go back to the registry.
                options.SubscriptionRenewal = TimeSpan.FromSeconds(100);
            },
            time);
        await host.Cache.GetAsync(name);

        time.Advance(TimeSpan.FromSeconds(61));
        Assert.True(host.Cache.TryGetCached(name, out var expired));
        Assert.True(expired!.IsStale);

        var reread = await host.Cache.GetAsync(name);

        Assert.False(reread.IsStale);
        Assert.Equal(TimeSpan.Zero, reread.Age);
    }

    [Theory]
    [MemberData(nameof(ClientTransports.Both), MemberType = typeof(ClientTransports))]
    public async Task RenewSubscriptionsAsync_ServiceGrainLostSubscribers_PushesArriveAgain(ClientTransport transport)
    {
        var name = Instances.UniqueService("cache-renew");
        var service = fixture.GrainFactory.GetGrain<IServiceGrain>(name);
        await service.RegisterAsync(Instances.Create(name, "a"));
        await using var host = RegistryClientHost.Create(fixture, transport);
        await host.Cache.GetAsync(name);

        // A deactivation loses the grain's subscriber list, as the loss of its silo would; the next
        // call runs on a new activation that has no subscribers.
        await service.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        await service.RegisterAsync(Instances.Create(name, "b"));

        await host.Cache.RenewSubscriptionsAsync();
        await service.RegisterAsync(Instances.Create(name, "c"));

        await Eventually.TrueAsync(
            () => Task.FromResult(host.Cache.TryGetCached(name, out var cached) && cached!.Snapshot.Instances.Any(i => i.Id == "c")),
            TimeSpan.FromSeconds(5),
            "the renewed subscription to bring the change that added c");
    }

    private static async Task<TimeSpan> MeasurePushAsync(RegistryClientHost host, Func<Task> change, string[] expectedIds)
    {
        var applied = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = new Stopwatch();
        var name = host.Cache.Services.Single();
        using var watch = host.Cache.Watch(name, snapshot =>
        {
            if (snapshot.Instances.Select(i => i.Id).Order().SequenceEqual(expectedIds))
            {
                clock.Stop();
                applied.TrySetResult();
            }
        });

        clock.Start();
        await change();
        await applied.Task.WaitAsync(TimeSpan.FromSeconds(5));
        return clock.Elapsed;
    }
}
