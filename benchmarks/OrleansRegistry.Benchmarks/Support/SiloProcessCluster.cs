namespace OrleansRegistry.Benchmarks.Support;

/// <summary>Silo processes of one cluster with membership in the run's Azurite, ready to serve when returned.</summary>
internal sealed class SiloProcessCluster : IAsyncDisposable
{
    private SiloProcessCluster(IReadOnlyList<SiloProcess> silos, ClusterState state)
    {
        Silos = silos;
        State = state;
    }

    public IReadOnlyList<SiloProcess> Silos { get; }

    public ClusterState State { get; }

    /// <summary>Where grain state lives, as a figure's note says it.</summary>
    public string StateDescription => State == ClusterState.Memory ? "grain state in Orleans' memory storage" : "grain state in Azurite";

    public static async Task<SiloProcessCluster> StartAsync(HttpClient http, AzuriteProcess azurite, int count, ClusterState state)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        var clusterId = "bench-" + Guid.NewGuid().ToString("N")[..8];
        var silos = new List<SiloProcess>();
        var cluster = new SiloProcessCluster(silos, state);
        try
        {
            for (var i = 0; i < count; i++)
            {
                silos.Add(SiloProcess.Start(Launch(clusterId, azurite, state)));
            }

            foreach (var silo in silos)
            {
                await silo.WaitReadyAsync(http);
            }
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in Silos)
        {
            await silo.DisposeAsync();
        }
    }

    private static SiloLaunch Launch(string clusterId, AzuriteProcess azurite, ClusterState state) =>
        state == ClusterState.Azure
            ? new SiloLaunch(RepositoryPaths.SiloDll, RepositoryPaths.Root, clusterId) { AzureConnectionString = azurite.ConnectionString }
            : new SiloLaunch(RepositoryPaths.SiloDll, RepositoryPaths.Root, clusterId)
            {
                ExtraArguments =
                [
                    "--Orleans:Clustering=AzureStorage",
                    "--Registry:Storage=Memory",
                    "--Orleans:AdvertisedIP=127.0.0.1",
                    "--Registry:AzureStorage:ConnectionString=" + azurite.ConnectionString,
                ],
            };
}
