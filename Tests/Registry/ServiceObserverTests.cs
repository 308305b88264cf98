using System.Threading.Channels;
using OrleansRegistry.Grains;
using OrleansRegistry.Model;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Registry;

[Collection(RegistryClusterCollection.Name)]
public sealed class ServiceObserverTests(RegistryClusterFixture fixture)
{
    [Fact]
    public async Task SubscribeAsync_ThenRegister_ObserverGetsNewSnapshot()
    {
        var name = Instances.UniqueService("observe");
        var service = fixture.GrainFactory.GetGrain<IServiceGrain>(name);
        var observer = new ChannelObserver();
        var reference = fixture.GrainFactory.CreateObjectReference<IServiceObserver>(observer);
        try
        {
            var initial = await service.SubscribeAsync(reference);
            Assert.Empty(initial.Instances);

            await service.RegisterAsync(Instances.Create(name, "i1"));

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            var pushed = await observer.Snapshots.Reader.ReadAsync(timeout.Token);
            Assert.True(pushed.Index > initial.Index);
            Assert.Equal(["i1"], pushed.Instances.Select(i => i.Id));

            await service.UnsubscribeAsync(reference);
            await service.RegisterAsync(Instances.Create(name, "i2"));
            await service.GetSnapshotAsync();
            Assert.False(observer.Snapshots.Reader.TryRead(out _));
        }
        finally
        {
            fixture.GrainFactory.DeleteObjectReference<IServiceObserver>(reference);
        }
    }

    private sealed class ChannelObserver : IServiceObserver
    {
        public Channel<ServiceSnapshot> Snapshots { get; } = Channel.CreateUnbounded<ServiceSnapshot>();

        public Task OnServiceChangedAsync(ServiceSnapshot snapshot)
        {
            Snapshots.Writer.TryWrite(snapshot);
            return Task.CompletedTask;
        }
    }
}
