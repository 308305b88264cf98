using OrleansRegistry.Grains;
using OrleansRegistry.Model;
using OrleansRegistry.Storage;

namespace OrleansRegistry.Registry;

/// <summary>
/// The names of the services that exist. Reentrant, so that listing (which asks every service
/// grain for its counts) never blocks a service grain that is adding or removing its name.
/// </summary>
[Reentrant]
public sealed class ServiceCatalogGrain(
    [PersistentState("catalog", RegistryStorage.Name)] IPersistentState<CatalogState> state) : Grain, IServiceCatalogGrain
{
    // A failed write leaves the name in memory: the next write stores it (the service grain also repairs its entry on activation).
    private readonly GroupCommit _writer = new(() => state.WriteStateAsync());
    private string[]? _sorted;

    public async Task AddAsync(string serviceName)
    {
        if (state.State.Names.Add(serviceName))
        {
            _sorted = null;
            await _writer.CommitAsync();
        }
    }

    public async Task RemoveAsync(string serviceName)
    {
        if (state.State.Names.Remove(serviceName))
        {
            _sorted = null;
            await _writer.CommitAsync();
        }
    }

    public Task<IReadOnlyList<string>> ListAsync() => Task.FromResult<IReadOnlyList<string>>(Sorted());

    public async Task<IReadOnlyList<ServiceSummary>> GetSummariesAsync()
    {
        var names = Sorted();
        var summaries = await Task.WhenAll(names.Select(name => GrainFactory.GetGrain<IServiceGrain>(name).GetSummaryAsync()));
        return summaries;
    }

    private string[] Sorted()
    {
        if (_sorted is null)
        {
            var sorted = state.State.Names.ToArray();
            Array.Sort(sorted, StringComparer.Ordinal);
            _sorted = sorted;
        }

        return _sorted;
    }
}
