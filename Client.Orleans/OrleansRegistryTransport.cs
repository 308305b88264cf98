using Microsoft.Extensions.Options;
using OrleansRegistry.Client.Options;
using OrleansRegistry.Client.Transport;
using OrleansRegistry.Grains;
using OrleansRegistry.Model;

namespace OrleansRegistry.Client.Orleans;

/// <summary>
/// Reaches the registry as an Orleans client (or from inside a silo): service grains for
/// subscriptions and writes, the balancer grain for picks. One observer object serves every
/// subscription; pushes carry grain keys, which this transport turns back into bare names.
/// </summary>
public sealed class OrleansRegistryTransport : IRegistryTransport, IDisposable
{
    private readonly IGrainFactory _grainFactory;
    private readonly ClusterConnectionSignal _connectionSignal;
    private readonly string _namespace;
    private readonly ServiceChangeObserver _observer;
    private readonly Lock _gate = new();
    private IServiceObserver? _observerReference;
    private bool _disposed;

    public OrleansRegistryTransport(IGrainFactory grainFactory, ClusterConnectionSignal connectionSignal, IOptions<RegistryClientOptions> options)
    {
        ArgumentNullException.ThrowIfNull(connectionSignal);
        ArgumentNullException.ThrowIfNull(options);
        _grainFactory = grainFactory;
        _connectionSignal = connectionSignal;
        _namespace = options.Value.Namespace;
        _observer = new ServiceChangeObserver(OnPushed);
        _connectionSignal.GatewaysChanged += OnGatewaysChanged;
    }

    public event Action<ServiceSnapshot>? SnapshotReceived;

    public event Action? ConnectionChanged;

    public async Task<ServiceSnapshot> SubscribeAsync(string serviceName, CancellationToken cancellationToken) =>
        ToBareName(await Service(serviceName).SubscribeAsync(GetObserverReference()).ConfigureAwait(false), serviceName);

    public async Task UnsubscribeAsync(string serviceName, CancellationToken cancellationToken)
    {
        IServiceObserver? reference;
        lock (_gate)
        {
            reference = _observerReference;
        }

        if (reference is not null)
        {
            await Service(serviceName).UnsubscribeAsync(reference).ConfigureAwait(false);
        }
    }

    public Task RegisterAsync(ServiceInstance instance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return Service(instance.ServiceName).RegisterAsync(instance);
    }

    public async Task<bool> HeartbeatAsync(string serviceName, string instanceId, CancellationToken cancellationToken) =>
        await Service(serviceName).HeartbeatAsync(instanceId).ConfigureAwait(false) == HeartbeatResult.Renewed;

    public Task DeregisterAsync(string serviceName, string instanceId, CancellationToken cancellationToken) =>
        Service(serviceName).DeregisterAsync(instanceId);

    public Task<bool> SetMaintenanceAsync(string serviceName, string instanceId, string? reason, CancellationToken cancellationToken) =>
        reason is null
            ? Service(serviceName).LeaveMaintenanceAsync(instanceId)
            : Service(serviceName).EnterMaintenanceAsync(instanceId, reason);

    public async Task<BalancerSelection?> SelectAsync(string serviceName, LoadBalancingStrategy strategy, InstanceFilter filter, string? near, CancellationToken cancellationToken)
    {
        var balancer = _grainFactory.GetGrain<IBalancerGrain>(0);
        var key = Key(serviceName).GrainKey;
        var selection = filter.IsEmpty && near is null
            ? await balancer.SelectAsync(key, strategy).ConfigureAwait(false)
            : await balancer.SelectAsync(key, strategy, filter, near).ConfigureAwait(false);
        if (selection is null)
        {
            return null;
        }

        Func<Task>? release = selection.Lease is { } lease ? () => balancer.ReleaseAsync(lease) : null;
        return new BalancerSelection(selection.Instance with { ServiceName = serviceName }, selection.ZoneFallback, release);
    }

    public void Dispose()
    {
        IServiceObserver? reference;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            reference = _observerReference;
        }

        _connectionSignal.GatewaysChanged -= OnGatewaysChanged;
        if (reference is not null)
        {
            try
            {
                _grainFactory.DeleteObjectReference<IServiceObserver>(reference);
            }
            catch (Exception exception) when (exception is ObjectDisposedException or InvalidOperationException)
            {
                // The cluster client is already gone, and its object references with it.
            }
        }
    }

    private IServiceGrain Service(string serviceName) => _grainFactory.GetGrain<IServiceGrain>(Key(serviceName).GrainKey);

    private ServiceKey Key(string serviceName) => new(_namespace, serviceName);

    private IServiceObserver GetObserverReference()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);

            // The transport keeps _observer alive: Orleans holds local observer objects only weakly.
            return _observerReference ??= _grainFactory.CreateObjectReference<IServiceObserver>(_observer);
        }
    }

    private void OnPushed(ServiceSnapshot snapshot)
    {
        var key = ServiceKey.FromGrainKey(snapshot.ServiceName);
        if (key.Namespace == _namespace)
        {
            SnapshotReceived?.Invoke(ToBareName(snapshot, key.Name));
        }
    }

    private void OnGatewaysChanged() => ConnectionChanged?.Invoke();

    private static ServiceSnapshot ToBareName(ServiceSnapshot snapshot, string serviceName) =>
        snapshot.ServiceName == serviceName ? snapshot : snapshot with { ServiceName = serviceName };
}
