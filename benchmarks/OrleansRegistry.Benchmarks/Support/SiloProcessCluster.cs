namespace OrleansRegistry.Benchmarks.Support;

/// <summary>
/// Silo processes of one cluster with membership in Azurite and grain state in Orleans' memory
/// storage: the cluster shape of the in-memory quick start, on more than one silo.
/// </summary>
internal sealed class SiloProcessCluster : IAsyncDisposable
{
    private SiloProcessCluster(AzuriteProcess azurite, IReadOnlyList<SiloProcess> silos)
    {
        Azurite = azurite;
        Silos = silos;
    }

    public AzuriteProcess Azurite { get; }

    public IReadOnlyList<SiloProcess> Silos { get; }

    public static async Task<SiloProcessCluster> StartAsync(HttpClient http, int count)
    {
        var azurite = await AzuriteProcess.StartNewAsync(RepositoryPaths.AzuriteScript, onDisk: false);
        var clusterId = "bench-" + Guid.NewGuid().ToString("N")[..8];
        var silos = new List<SiloProcess>();
        var cluster = new SiloProcessCluster(azurite, silos);
        try
        {
            for (var i = 0; i < count; i++)
            {
                silos.Add(SiloProcess.Start(new SiloLaunch(RepositoryPaths.SiloDll, RepositoryPaths.Root, clusterId)
                {
                    ExtraArguments =
                    [
                        "--Orleans:Clustering=AzureStorage",
                        "--Registry:Storage=Memory",
                        "--Orleans:AdvertisedIP=127.0.0.1",
                        "--Registry:AzureStorage:ConnectionString=" + azurite.ConnectionString,
                    ],
                }));
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

        await Azurite.DisposeAsync();
    }
}
