namespace OrleansRegistry.Benchmarks.Support;

/// <summary>
/// The processes the figures run against. One Azurite serves the whole run (every cluster has its
/// own id, so none sees another's rows). In a full run each figure starts its own silos, so no
/// figure measures what an earlier one left behind; quick mode only checks that the harness works,
/// and starting processes was most of its time, so its figures share one in-memory silo and one
/// two-silo cluster on Azurite.
/// </summary>
internal sealed class RunProcesses : IAsyncDisposable
{
    /// <summary>The silos of quick mode's shared cluster.</summary>
    public const int SharedClusterSize = 2;

    private readonly bool _quick;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly Lazy<Task<AzuriteProcess>> _azurite;
    private readonly Lazy<Task<SiloProcess>> _sharedSilo;
    private readonly Lazy<Task<SiloProcessCluster>> _sharedCluster;

    public RunProcesses(bool quick)
    {
        _quick = quick;
        _azurite = new(() => AzuriteProcess.StartNewAsync(RepositoryPaths.AzuriteScript, onDisk: false));
        _sharedSilo = new(() => BenchmarkSilo.StartAsync(_http));
        _sharedCluster = new(async () => await SiloProcessCluster.StartAsync(_http, await _azurite.Value, SharedClusterSize, ClusterState.Azure));
    }

    /// <summary>
    /// Quick mode: starts the shared cluster now, while the first figures run. Most of its start is
    /// waiting (Azurite's tables, membership), which the figures before it fill.
    /// </summary>
    public void StartSharedClusterEarly()
    {
        if (_quick)
        {
            _ = _sharedCluster.Value;
        }
    }

    /// <summary>The run's Azurite (in memory), started on first use.</summary>
    public Task<AzuriteProcess> AzuriteAsync() => _azurite.Value;

    /// <summary>A silo with in-memory storage (<see cref="BenchmarkSilo"/>): the figure's own, or in quick mode the shared one.</summary>
    public async Task<ProcessUse<SiloProcess>> MemorySiloAsync(HttpClient http) =>
        _quick
            ? new ProcessUse<SiloProcess>(await _sharedSilo.Value, owned: false)
            : new ProcessUse<SiloProcess>(await BenchmarkSilo.StartAsync(http), owned: true);

    /// <summary>
    /// A cluster of <paramref name="count"/> silos on Azure Storage: the figure's own, or in quick mode
    /// the shared one of <see cref="SharedClusterSize"/> silos, whatever the count asked.
    /// </summary>
    public async Task<ProcessUse<SiloProcessCluster>> AzureClusterAsync(HttpClient http, int count) =>
        _quick
            ? new ProcessUse<SiloProcessCluster>(await _sharedCluster.Value, owned: false)
            : new ProcessUse<SiloProcessCluster>(await SiloProcessCluster.StartAsync(http, await AzuriteAsync(), count, ClusterState.Azure), owned: true);

    public async ValueTask DisposeAsync()
    {
        await DisposeStartedAsync(_sharedSilo);
        await DisposeStartedAsync(_sharedCluster);
        await DisposeStartedAsync(_azurite);
        _http.Dispose();
    }

    private static async Task DisposeStartedAsync<T>(Lazy<Task<T>> process)
        where T : IAsyncDisposable
    {
        if (!process.IsValueCreated)
        {
            return;
        }

        try
        {
            await (await process.Value).DisposeAsync();
        }
        catch (Exception) when (process.Value.IsFaulted)
        {
            // It never started; the figure that needed it has reported why.
        }
    }
}
