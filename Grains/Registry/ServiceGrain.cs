using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Hosting;
using Orleans.Utilities;
using OrleansRegistry.Caching;
using OrleansRegistry.Grains;
using OrleansRegistry.Health;
using OrleansRegistry.Model;
using OrleansRegistry.Options;
using OrleansRegistry.Storage;
using OrleansRegistry.Validation;

namespace OrleansRegistry.Registry;

/// <summary>
/// One service's instances and definition. Every acknowledged change is written before the call
/// returns, then pushed to every silo's cache; a failed write leaves memory as it was.
/// Heartbeats only touch memory. Checked instances are probed and their leases watched (see
/// ServiceGrain.Health.cs).
/// </summary>
public sealed partial class ServiceGrain(
    [PersistentState("service", RegistryStorage.Name)] IPersistentState<ServiceState> state,
    SnapshotPublisher publisher,
    TimeProvider timeProvider,
    IOptions<HealthCheckOptions> healthOptions,
    IOptions<ReminderOptions> reminderOptions,
    ILogger<ServiceGrain> logger) : Grain, IServiceGrain
{
    private readonly ObserverManager<IServiceObserver> _observers = new(ServiceObserverLimits.SubscriptionExpiry, logger);
    private ServiceInstance[]? _instancesView;

    private string ServiceName => this.GetPrimaryKeyString();

    private ServiceState State => state.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _health = new HealthTracker(healthOptions.Value, timeProvider.GetUtcNow());
        if (!State.IsEmpty)
        {
            // Repairs the catalog if an earlier activation stored a change but failed to list it.
            await CatalogAsync(present: true);
        }

        if (HasCheckedInstances)
        {
            await SyncCheckingAsync();
        }
    }

    public async Task<ServiceInstance> RegisterAsync(ServiceInstance instance)
    {
        RegistryValidator.ValidateInstance(instance);
        if (!string.Equals(instance.ServiceName, ServiceName, StringComparison.Ordinal))
        {
            throw new RegistryValidationException("service_name", $"must be '{ServiceName}', the service it is registered under");
        }

        HealthUrlPolicy.Validate(instance, healthOptions.Value.AllowedHosts);
        var now = timeProvider.GetUtcNow();
        var wasEmpty = State.IsEmpty;
        State.Instances.TryGetValue(instance.Id, out var previous);
        State.Health.TryGetValue(instance.Id, out var previousRecord);
        var stored = instance with
        {
            CreatedAt = previous?.CreatedAt ?? now,
            LastHeartbeat = now,
            Panic = false,
        };
        var record = _health.OnRegistered(stored, now);

        await CommitAsync(
            apply: () =>
            {
                State.Instances[stored.Id] = stored;
                SetHealthRecord(stored.Id, record);
            },
            undo: () =>
            {
                if (previous is null)
                {
                    State.Instances.Remove(stored.Id);
                }
                else
                {
                    State.Instances[stored.Id] = previous;
                }

                SetHealthRecord(stored.Id, previousRecord);
            });

        LogRegistered(logger, ServiceName, stored.Id, stored.Host, stored.Port);
        if (wasEmpty)
        {
            await CatalogAsync(present: true);
        }

        if (HealthTracker.IsChecked(stored) || (previous is not null && HealthTracker.IsChecked(previous)))
        {
            await SyncCheckingAsync();
        }

        return stored;
    }

    public async Task<bool> DeregisterAsync(string instanceId)
    {
        RegistryValidator.ValidateInstanceId(instanceId);
        if (!State.Instances.TryGetValue(instanceId, out var previous))
        {
            return false;
        }

        State.Health.TryGetValue(instanceId, out var previousRecord);
        await CommitAsync(
            apply: () =>
            {
                State.Instances.Remove(instanceId);
                State.Health.Remove(instanceId);
            },
            undo: () =>
            {
                State.Instances[instanceId] = previous;
                SetHealthRecord(instanceId, previousRecord);
            });

        _health.OnRemoved(instanceId);
        LogDeregistered(logger, ServiceName, instanceId);
        if (State.IsEmpty)
        {
            await CatalogAsync(present: false);
        }

        if (HealthTracker.IsChecked(previous))
        {
            await SyncCheckingAsync();
        }

        return true;
    }

    public Task<IReadOnlyList<ServiceInstance>> GetInstancesAsync() =>
        Task.FromResult<IReadOnlyList<ServiceInstance>>(InstancesView());

    public Task<IReadOnlyList<ServiceInstance>> GetHealthyInstancesAsync() =>
        Task.FromResult<IReadOnlyList<ServiceInstance>>(Array.FindAll(InstancesView(), static i => i.Status == ServiceStatus.Healthy));

    public Task<ServiceInstance?> GetInstanceAsync(string instanceId)
    {
        RegistryValidator.ValidateInstanceId(instanceId);
        return Task.FromResult(State.Instances.GetValueOrDefault(instanceId));
    }

    public Task<ServiceSnapshot> GetSnapshotAsync() =>
        Task.FromResult(new ServiceSnapshot(ServiceName, State.Index, InstancesView()));

    public Task<ServiceSummary> GetSummaryAsync()
    {
        var healthy = 0;
        foreach (var instance in State.Instances.Values)
        {
            if (instance.Status == ServiceStatus.Healthy)
            {
                healthy++;
            }
        }

        return Task.FromResult(new ServiceSummary(ServiceName, State.Instances.Count, healthy) { Index = State.Index });
    }

    public Task<HeartbeatResult> HeartbeatAsync(string instanceId)
    {
        RegistryValidator.ValidateInstanceId(instanceId);
        if (!State.Instances.TryGetValue(instanceId, out var instance))
        {
            return Task.FromResult(HeartbeatResult.NotRegistered);
        }

        var renewed = instance with { LastHeartbeat = timeProvider.GetUtcNow() };
        State.Instances[instanceId] = renewed;
        _instancesView = null;
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
        if (!string.Equals(definition.Name, ServiceName, StringComparison.Ordinal))
        {
            throw new RegistryValidationException("name", $"must be '{ServiceName}', the service it describes");
        }

        var wasEmpty = State.IsEmpty;
        var previous = State.Definition;
        await CommitAsync(apply: () => State.Definition = definition, undo: () => State.Definition = previous);
        if (wasEmpty)
        {
            await CatalogAsync(present: true);
        }
    }

    public Task<ServiceDefinition?> GetDefinitionAsync() => Task.FromResult(State.Definition);

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

    /// <summary>Applies a change, stores it with a new index, and pushes the new snapshot; undoes it if the write fails.</summary>
    private async Task CommitAsync(Action apply, Action undo)
    {
        apply();
        State.Index++;
        _instancesView = null;
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception exception)
        {
            undo();
            State.Index--;
            _instancesView = null;
            LogWriteFailed(logger, exception, ServiceName);
            throw;
        }

        var snapshot = new ServiceSnapshot(ServiceName, State.Index, InstancesView());
        await publisher.PublishAsync(snapshot);
        await _observers.Notify(observer => observer.OnServiceChangedAsync(snapshot));
    }

    private ServiceInstance[] InstancesView()
    {
        if (_instancesView is null)
        {
            var view = State.Instances.Values.ToArray();
            Array.Sort(view, static (a, b) => string.CompareOrdinal(a.Id, b.Id));
            _instancesView = view;
        }

        return _instancesView;
    }

    private async Task CatalogAsync(bool present)
    {
        var catalog = GrainFactory.GetGrain<IServiceCatalogGrain>(ServiceCatalogKey.Default);
        try
        {
            await (present ? catalog.AddAsync(ServiceName) : catalog.RemoveAsync(ServiceName));
        }
        catch (Exception exception)
        {
            // The service's own state is stored; the listing is repaired at the next activation or change.
            LogCatalogFailed(logger, exception, ServiceName);
        }
    }
}
