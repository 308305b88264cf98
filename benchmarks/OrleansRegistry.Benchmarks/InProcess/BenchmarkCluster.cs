using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using Orleans.TestingHost;
using OrleansRegistry.Caching;
using OrleansRegistry.Hosting;
using OrleansRegistry.Storage;

namespace OrleansRegistry.Benchmarks.InProcess;

/// <summary>
/// Silos in this process, configured as the silo program configures them (registry grains,
/// in-memory reminders), with the "registry" storage wrapped to count writes.
/// </summary>
internal sealed class BenchmarkCluster : IAsyncDisposable
{
    private readonly InProcessTestCluster _cluster;

    private BenchmarkCluster(InProcessTestCluster cluster, WriteCounter writes)
    {
        _cluster = cluster;
        Writes = writes;
    }

    public WriteCounter Writes { get; }

    public int SiloCount => _cluster.Silos.Count;

    /// <param name="silos">How many silos.</param>
    /// <param name="remoteLikeStorage">True: storage that keeps nothing in this process (memory figures); false: Orleans' memory storage.</param>
    public static async Task<BenchmarkCluster> StartAsync(short silos, bool remoteLikeStorage = false)
    {
        var writes = new WriteCounter();
        var builder = new InProcessTestClusterBuilder(silos);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddGrainStorage(RegistryStorage.Name, (services, name) =>
                new CountingGrainStorage(remoteLikeStorage ? new RemoteLikeGrainStorage() : MemoryGrainStorageFactory.Create(services, name), writes));
            silo.UseInMemoryReminderService();
            silo.Services.AddRegistryGrains();
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new BenchmarkCluster(cluster, writes);
    }

    /// <summary>The silo's own grain factory: calls go in-process, as the HTTP API's do, and stateless workers run on that silo.</summary>
    public IGrainFactory GrainFactory(int silo) => _cluster.Silos[silo].SiloHost.Services.GetRequiredService<IGrainFactory>();

    /// <summary>A service of the silo's container, such as the <c>SiloBalancer</c> the HTTP API picks with.</summary>
    public T Service<T>(int silo)
        where T : notnull => _cluster.Silos[silo].SiloHost.Services.GetRequiredService<T>();

    public SiloAddress Address(int silo) => _cluster.Silos[silo].SiloAddress;

    public SiloServiceCache Cache(int silo) => _cluster.Silos[silo].SiloHost.Services.GetRequiredService<SiloServiceCache>();

    public async ValueTask DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
    }
}
