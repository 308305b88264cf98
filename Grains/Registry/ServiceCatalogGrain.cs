using OrleansRegistry.Grains;
using OrleansRegistry.Model;
using OrleansRegistry.Storage;

namespace OrleansRegistry.Registry;

/// <summary>
/// The services of one namespace with their counts, kept current by the service grains' reports,
/// so a listing calls no service grain. Reentrant, so that listing and waiting never block a
/// service grain's report.
/// </summary>
/// <remarks>
/// Names are stored; counts live in memory and are asked of the service grains once per activation,
/// on first use (not while activating: a service grain activating then would call back into this
/// one and wait for it). The index is <c>epoch × EpochSpan + changes</c>: the epoch is stored and
/// grows at every activation, the changes are counted in memory, so the index only grows, also
/// across a restart, without a write per change.
/// </remarks>
[Reentrant]
public sealed class ServiceCatalogGrain(
    [PersistentState("catalog", RegistryStorage.Name)] IPersistentState<CatalogState> state,
    TimeProvider timeProvider) : Grain, IServiceCatalogGrain
{
    /// <summary>Changes one activation may count before it moves to the next epoch.</summary>
    public const long EpochSpan = 1_000_000_000;

    // A failed write leaves the name in memory: the next write stores it (the service grain also repairs its entry on activation).
    private readonly GroupCommit _writer = new(() => state.WriteStateAsync());
    private readonly Dictionary<string, ServiceSummary> _summaries = new(StringComparer.Ordinal);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string _namespace = ServiceKey.DefaultNamespace;
    private string[]? _sorted;
    private Task? _loaded;
    private long _changes;

    private long Index => (state.State.Epoch * EpochSpan) + _changes;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _namespace = ServiceCatalogKey.NamespaceOf(this.GetPrimaryKeyString());
        state.State.Epoch++;
        await state.WriteStateAsync(cancellationToken);
    }

    public async Task ReportAsync(ServiceSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var held = _summaries.GetValueOrDefault(summary.Name);
        if (held is not null && held.Index > summary.Index)
        {
            return;
        }

        var added = state.State.Names.Add(summary.Name);
        _summaries[summary.Name] = summary;
        if (added || held is null || held.Instances != summary.Instances || held.Healthy != summary.Healthy)
        {
            await ChangedAsync();
        }

        if (added)
        {
            _sorted = null;
            await _writer.CommitAsync();
            await GrainFactory.GetGrain<INamespaceIndexGrain>(0).AddAsync(_namespace);
        }
    }

    public async Task RemoveAsync(string serviceName)
    {
        _summaries.Remove(serviceName);
        if (state.State.Names.Remove(serviceName))
        {
            _sorted = null;
            await ChangedAsync();
            await _writer.CommitAsync();
        }
    }

    public Task<IReadOnlyList<string>> ListAsync() => Task.FromResult<IReadOnlyList<string>>(Sorted());

    public async Task<IReadOnlyList<ServiceSummary>> GetSummariesAsync() => (await GetListingAsync()).Services;

    public async Task<ServiceCatalogListing> GetListingAsync()
    {
        await EnsureLoadedAsync();
        return Listing();
    }

    public async Task<ServiceCatalogListing> WaitForChangeAsync(long index, TimeSpan wait)
    {
        await EnsureLoadedAsync();
        if (Index == index && wait > TimeSpan.Zero)
        {
            using var cancelDelay = new CancellationTokenSource();
            var delay = Task.Delay(wait < ServiceCatalogLimits.MaxWait ? wait : ServiceCatalogLimits.MaxWait, timeProvider, cancelDelay.Token);
            await Task.WhenAny(_changed.Task, delay);
            await cancelDelay.CancelAsync();
        }

        return Listing();
    }

    private ServiceCatalogListing Listing()
    {
        var names = Sorted();
        var services = new ServiceSummary[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            services[i] = _summaries.GetValueOrDefault(names[i]) ?? new ServiceSummary(names[i], 0, 0);
        }

        return new ServiceCatalogListing(Index, services);
    }

    /// <summary>Counts one change of the listing and wakes its waiters.</summary>
    private async Task ChangedAsync()
    {
        if (++_changes == EpochSpan)
        {
            // Practically never: a billion changes in one activation. The next epoch keeps the index growing.
            state.State.Epoch++;
            _changes = 0;
            await _writer.CommitAsync();
        }

        var changed = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.SetResult();
    }

    private Task EnsureLoadedAsync()
    {
        if (_loaded is null || _loaded.IsFaulted || _loaded.IsCanceled)
        {
            _loaded = LoadAsync();
        }

        return _loaded;
    }

    /// <summary>Asks each named service grain its counts; a report that arrived meanwhile (a newer index) wins.</summary>
    private async Task LoadAsync()
    {
        var summaries = await Task.WhenAll(Sorted().Select(name =>
            GrainFactory.GetGrain<IServiceGrain>(new ServiceKey(_namespace, name).GrainKey).GetSummaryAsync()));
        foreach (var summary in summaries)
        {
            if (state.State.Names.Contains(summary.Name)
                && (!_summaries.TryGetValue(summary.Name, out var held) || held.Index < summary.Index))
            {
                _summaries[summary.Name] = summary;
            }
        }
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
