using OrleansRegistry.Client.Watching;
using OrleansRegistry.Grains;
using OrleansRegistry.Model;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Client.Watching;

[Collection(RegistryClientCollection.Name)]
public sealed class RegistryWatcherTests(RegistryHttpFixture fixture)
{
    private static readonly TimeSpan StepDeadline = TimeSpan.FromSeconds(5);

    [Theory]
    [MemberData(nameof(ClientTransports.Both), MemberType = typeof(ClientTransports))]
    public async Task WatchAsync_Changes_YieldsInitialStateThenEachChange(ClientTransport transport)
    {
        var name = Instances.UniqueService("watch");
        var service = fixture.GrainFactory.GetGrain<IServiceGrain>(name);
        await service.RegisterAsync(Instances.Create(name, "a"));
        await using var host = RegistryClientHost.Create(fixture, transport);
        using var stop = new CancellationTokenSource();
        var changes = host.Watcher.WatchAsync(name, stop.Token).GetAsyncEnumerator(stop.Token);
        try
        {
            var initial = await NextAsync(changes);
            Assert.True(initial.IsInitial);
            Assert.Equal(["a"], initial.Added.Select(i => i.Id));

            await service.RegisterAsync(Instances.Create(name, "b"));
            var added = await NextAsync(changes);
            Assert.Equal(["b"], added.Added.Select(i => i.Id));
            Assert.Empty(added.Removed);
            Assert.True(added.Index > initial.Index);

            await service.RegisterAsync(Instances.Create(name, "a", status: ServiceStatus.Unhealthy));
            var updated = await NextAsync(changes);
            var update = Assert.Single(updated.Updated);
            Assert.Equal(ServiceStatus.Healthy, update.Before.Status);
            Assert.Equal(ServiceStatus.Unhealthy, update.After.Status);

            await service.DeregisterAsync("b");
            var removed = await NextAsync(changes);
            Assert.Equal(["b"], removed.Removed.Select(i => i.Id));
            Assert.Equal(["a"], removed.Instances.Select(i => i.Id));

            await stop.CancelAsync();
            Assert.False(await changes.MoveNextAsync().AsTask().WaitAsync(StepDeadline));
        }
        finally
        {
            await changes.DisposeAsync();
        }
    }

    [Theory]
    [MemberData(nameof(ClientTransports.Both), MemberType = typeof(ClientTransports))]
    public async Task WatchAsync_Stopped_KeepsNoWatcherOnTheService(ClientTransport transport)
    {
        var name = Instances.UniqueService("watch-stop");
        await using var host = RegistryClientHost.Create(fixture, transport);
        using var stop = new CancellationTokenSource();
        await using (var changes = host.Watcher.WatchAsync(name, stop.Token).GetAsyncEnumerator(stop.Token))
        {
            var initial = await NextAsync(changes);
            Assert.Empty(initial.Instances);
            Assert.True(host.Cache.TryGetEntry(name, out var entry));
            Assert.Equal(1, entry.WatcherCount);
        }

        Assert.True(host.Cache.TryGetEntry(name, out var after));
        Assert.Equal(0, after.WatcherCount);
    }

    private static async Task<ServiceChange> NextAsync(IAsyncEnumerator<ServiceChange> changes)
    {
        Assert.True(await changes.MoveNextAsync().AsTask().WaitAsync(StepDeadline), "the watch ended early");
        return changes.Current;
    }
}
