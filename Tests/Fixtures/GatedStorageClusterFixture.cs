using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.TestingHost;
using OrleansRegistry.Hosting;
using OrleansRegistry.Storage;

namespace OrleansRegistry.Tests.Fixtures;

/// <summary>A two-silo cluster whose "registry" storage is a <see cref="GatedGrainStorage"/> the tests control.</summary>
public sealed class GatedStorageClusterFixture : IAsyncLifetime
{
    private readonly SharedGrainStore _store = new();
    private GatedGrainStorage? _storage;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory GrainFactory => Cluster.Client;

    public GatedGrainStorage Storage => _storage ?? throw new InvalidOperationException("the cluster has not started");

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) =>
        {
            // One storage object for both silos (they share the process), so a test holds writes wherever the grain lives.
            silo.Services.AddGrainStorage(RegistryStorage.Name, (services, _) =>
                LazyInitializer.EnsureInitialized(ref _storage, () => new GatedGrainStorage(_store, services.GetRequiredService<Serializer>())));
            silo.UseInMemoryReminderService();
            silo.Services.AddRegistryGrains();
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}
