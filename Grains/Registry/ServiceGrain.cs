using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Hosting;
using Orleans.Utilities;
using OrleansRegistry.Caching;
using OrleansRegistry.Diagnostics;
using OrleansRegistry.Grains;
using OrleansRegistry.Health;
using OrleansRegistry.Model;
using OrleansRegistry.Options;
using OrleansRegistry.Storage;
using OrleansRegistry.Validation;

namespace OrleansRegistry.Registry;

/// <summary>
/// One service's instances and definition. Every acknowledged change is written before the call
/// returns, then pushed to every silo's cache; a failed write leaves memory as the last stored
/// state plus the heartbeats that arrived since (they are never stored on their own).
/// Heartbeats only touch memory. Checked instances are probed and their leases watched (see
/// ServiceGrain.Health.cs).
/// </summary>
/// <remarks>
/// Reentrant, so that changes arriving together are stored together: each change is applied in
/// its caller's turn and a <see cref="GroupCommit"/> writes (and publishes) every change made
/// before its write started in one storage round trip, instead of one round trip per change.
/// Code here therefore never awaits between reading the state and changing it. Reads answer from
/// the stored state (with the latest heartbeats) while some change is not yet stored, so nobody
/// sees a change that a failed write could still drop.
/// </remarks>
[Reentrant]
public sealed partial class ServiceGrain(
    [PersistentState("service", RegistryStorage.Name)] IPersistentState<ServiceState> state,
    SnapshotPublisher publisher,
    RegistryMetrics metrics,
    ServiceGauges gauges,
    TimeProvider timeProvider,
    IOptions<HealthCheckOptions> healthOptions,
    IOptions<ReminderOptions> reminderOptions,
    IOptions<BalancerOptions> balancerOptions,
    ILogger<ServiceGrain> logger) : Grain, IServiceGrain
{
    private readonly ObserverManager<IServiceObserver> _observers = new(ServiceObserverLimits.SubscriptionExpiry, logger);
    private GroupCommit _committer = null!;

    // Every change, stored or not, with the latest heartbeats; and what storage holds (a separate
    // copy, never changed in place).
    private ServiceState _live = null!;
    private ServiceState _stored = null!;
    private ServiceInstance[]? _instancesView;
    private ServiceInstance[]? _readView;
    private Task? _catalogSync;
    private ServiceCatalogEntry? _catalogTold;
    private ServiceKey _key;

    /// <summary>The grain key: the bare name in the default namespace, <c>{namespace}:{name}</c> otherwise (see <see cref="ServiceKey"/>).</summary>
    private string ServiceName => this.GetPrimaryKeyString();

    private ServiceState State => _live;

    /// <summary>What reads answer: the stored state while a change is not yet stored (heartbeat times aside).</summary>
    private ServiceState ReadState => _committer.HasUnstoredChanges ? _stored : _live;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _key = ServiceKey.FromGrainKey(ServiceName);
        _stored = state.State;
        _live = _stored.Copy();
        if (!_stored.IsEmpty)
        {
            gauges.Report(ServiceName, _stored.Instances.Values);
        }

        _committer = new GroupCommit(WriteAndPublishAsync);
        _health = new HealthTracker(healthOptions.Value, timeProvider.GetUtcNow());
        if (!State.IsEmpty)
        {
            // Repairs the catalog if an earlier activation stored a change but failed to list it.
            await SyncCatalogAsync();
        }

        if (HasCheckedInstances)
        {
            await SyncCheckingAsync();
        }
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // The silo that activates the grain next reports its gauges.
        gauges.Withdraw(ServiceName);
        return Task.CompletedTask;
    }

    public async Task<ServiceInstance> RegisterAsync(ServiceInstance instance)
    {
        using var activity = RegistryTracing.Source.StartActivity("register");
        activity?.SetTag("registry.service", ServiceName);
        RegistryValidator.ValidateInstance(instance);
        ServiceKey.ParseGrainKey(ServiceName);
        if (!string.Equals(instance.ServiceName, _key.Name, StringComparison.Ordinal))
        {
            throw new RegistryValidationException("service_name", $"must be '{_key.Name}', the service it is registered under");
        }

        HealthUrlPolicy.Validate(instance, healthOptions.Value.AllowedHosts);
        var now = timeProvider.GetUtcNow();
        State.Instances.TryGetValue(instance.Id, out var previous);

        // The service's name and its instances' common metadata strings are held once per service,
        // not once per registration that brought a copy of them.
        var like = previous ?? State.Instances.Values.FirstOrDefault();
        var stored = instance with
        {
            ServiceName = _key.Name,
            Metadata = StoredMetadata.Of(instance.Metadata, like?.Metadata),
            CreatedAt = previous?.CreatedAt ?? now,
            LastHeartbeat = now,
            Panic = false,
            Maintenance = previous?.Maintenance,
        };
        var record = _health.OnRegistered(stored, now);

        State.Instances[stored.Id] = stored;
        SetHealthRecord(stored.Id, record);
        await CommitAsync();

        metrics.Registered(_key.Namespace);
        LogRegistered(logger, ServiceName, stored.Id, stored.Host, stored.Port);
        if (HealthTracker.IsChecked(stored) || (previous is not null && HealthTracker.IsChecked(previous)))
        {
            await SyncCheckingAsync();
        }

        return stored;
    }

    public async Task<bool> DeregisterAsync(string instanceId)
    {
        using var activity = RegistryTracing.Source.StartActivity("deregister");
        activity?.SetTag("registry.service", ServiceName);
        RegistryValidator.ValidateInstanceId(instanceId);
        if (!State.Instances.TryGetValue(instanceId, out var previous))
        {
            return false;
        }

        State.Instances.Remove(instanceId);
        State.Health.Remove(instanceId);
        await CommitAsync();

        if (!State.Instances.ContainsKey(instanceId))
        {
            // Unless it was registered again while this change was being stored.
            _health.OnRemoved(instanceId);
        }

        metrics.Deregistered(_key.Namespace, "api");
        LogDeregistered(logger, ServiceName, instanceId);
        if (HealthTracker.IsChecked(previous))
        {
            await SyncCheckingAsync();
        }

        return true;
    }

    public Task<IReadOnlyList<ServiceInstance>> GetInstancesAsync() =>
        Task.FromResult<IReadOnlyList<ServiceInstance>>(ReadView());

    public Task<IReadOnlyList<ServiceInstance>> GetHealthyInstancesAsync() =>
        Task.FromResult<IReadOnlyList<ServiceInstance>>(Array.FindAll(ReadView(), static i => i.IsListedHealthy));

    public Task<ServiceInstance?> GetInstanceAsync(string instanceId)
    {
        RegistryValidator.ValidateInstanceId(instanceId);
        var instance = ReadState.Instances.GetValueOrDefault(instanceId);
        var live = _live.Instances.GetValueOrDefault(instanceId);
        return Task.FromResult(instance is not null && live is not null && live.LastHeartbeat > instance.LastHeartbeat
            ? instance with { LastHeartbeat = live.LastHeartbeat }
            : instance);
    }

    public Task<ServiceSnapshot> GetSnapshotAsync() =>
        Task.FromResult(new ServiceSnapshot(ServiceName, ReadState.Index, ReadView()));

    public Task<ServiceSummary> GetSummaryAsync()
    {
        var counts = ServiceCatalogEntry.Of(ReadState);
        return Task.FromResult(new ServiceSummary(_key.Name, counts.Instances, counts.Healthy) { Index = ReadState.Index });
    }

    public Task<HeartbeatResult> HeartbeatAsync(string instanceId)
    {
        RegistryValidator.ValidateInstanceId(instanceId);
        if (!State.Instances.TryGetValue(instanceId, out var instance))
        {
            metrics.Heartbeat(renewed: false);
            return Task.FromResult(HeartbeatResult.NotRegistered);
        }

        metrics.Heartbeat(renewed: true);

        var renewed = instance with { LastHeartbeat = timeProvider.GetUtcNow() };
        State.Instances[instanceId] = renewed;
        _instancesView = null;
        _readView = null;
        var changes = HealthTracker.OnHeartbeat(renewed, State.Health.GetValueOrDefault(instanceId));
        if (changes.RequiresCommit)
        {
            // The heartbeat ended an expired lease: a status change, stored and published like any other.
            return CommitHeartbeatAsync(changes);
        }

        ApplyHealthRecords(changes);
        return Task.FromResult(HeartbeatResult.Renewed);
    }

    public async Task PutDefinitionAsync(ServiceDefinition definition)
    {
        RegistryValidator.ValidateDefinition(definition);
        ServiceKey.ParseGrainKey(ServiceName, "name");
        if (!string.Equals(definition.Name, _key.Name, StringComparison.Ordinal))
        {
            throw new RegistryValidationException("name", $"must be '{_key.Name}', the service it describes");
        }

        State.Definition = definition;
        await CommitAsync();
    }

    public Task<ServiceDefinition?> GetDefinitionAsync() => Task.FromResult(ReadState.Definition);

    public Task<ServiceSnapshot> SubscribeAsync(IServiceObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        _observers.Subscribe(observer, observer);
        return GetSnapshotAsync();
    }

    public Task UnsubscribeAsync(IServiceObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Gives the change just made to <see cref="State"/> a new index and completes once it is stored
    /// and its snapshot pushed (together with whatever else changed meanwhile) and the catalog knows
    /// the counts it stored; throws if the write failed. A catalog whose silo stopped answering holds
    /// the write up no longer than a push may (<see cref="BalancerOptions.PublishTimeout"/>): it is
    /// told once that silo resumes, or reloads every count from the service grains when it moves.
    /// </summary>
    private async Task CommitAsync()
    {
        State.Index++;
        _instancesView = null;
        await _committer.CommitAsync();
        var timeout = balancerOptions.Value.PublishTimeout;
        try
        {
            await SyncCatalogAsync().WaitAsync(timeout, timeProvider);
        }
        catch (TimeoutException)
        {
            LogCatalogSlow(logger, ServiceName, timeout);
        }
    }

    /// <summary>
    /// Stores the state as it is now and pushes it; changes made while this runs go with the next
    /// write. When the write fails, memory goes back to what storage holds, keeping the heartbeats.
    /// </summary>
    private async Task WriteAndPublishAsync()
    {
        var written = _live.Copy();
        var view = InstancesView();
        state.State = written;
        try
        {
            using var store = RegistryTracing.Source.StartActivity("store");
            store?.SetTag("registry.service", ServiceName);
            store?.SetTag("registry.index", written.Index);
            await state.WriteStateAsync();
        }
        catch (Exception exception)
        {
            LogWriteFailed(logger, exception, ServiceName);
            state.State = _stored;
            _live = _stored.WithHeartbeatsOf(_live);
            _instancesView = null;
            _readView = null;
            throw;
        }

        _stored = written;
        _readView = null;
        if (written.IsEmpty)
        {
            gauges.Withdraw(ServiceName);
        }
        else
        {
            gauges.Report(ServiceName, written.Instances.Values);
        }

        var snapshot = new ServiceSnapshot(ServiceName, written.Index, view);
        await publisher.PublishAsync(snapshot);
        await _observers.Notify(observer => observer.OnServiceChangedAsync(snapshot));
    }

    private ServiceInstance[] InstancesView() => _instancesView ??= SortedView(_live);

    private ServiceInstance[] ReadView() =>
        _committer.HasUnstoredChanges ? _readView ??= SortedView(_stored.WithHeartbeatsOf(_live)) : InstancesView();

    private static ServiceInstance[] SortedView(ServiceState of)
    {
        var view = of.Instances.Values.ToArray();
        Array.Sort(view, static (a, b) => string.CompareOrdinal(a.Id, b.Id));
        return view;
    }

    /// <summary>
    /// Tells the namespace's catalog whether the service exists and its stored counts, when they
    /// differ from what it was last told. Calls run one after another, each sending what is stored
    /// at the time it is sent, so interleaved changes cannot leave an older word last.
    /// </summary>
    private Task SyncCatalogAsync() => _catalogSync = SyncCatalogAfterAsync(_catalogSync);

    private async Task SyncCatalogAfterAsync(Task? previous)
    {
        if (previous is not null)
        {
            await previous;
        }

        var entry = ServiceCatalogEntry.Of(_stored);
        if (entry == _catalogTold)
        {
            return;
        }

        var catalog = GrainFactory.GetGrain<IServiceCatalogGrain>(ServiceCatalogKey.Of(_key.Namespace));
        try
        {
            await (entry.Present
                ? catalog.ReportAsync(new ServiceSummary(_key.Name, entry.Instances, entry.Healthy) { Index = _stored.Index })
                : catalog.RemoveAsync(_key.Name));
            _catalogTold = entry;
        }
        catch (Exception exception)
        {
            // The service's own state is stored; the listing is repaired at the next activation or change.
            LogCatalogFailed(logger, exception, ServiceName);
        }
    }
}
