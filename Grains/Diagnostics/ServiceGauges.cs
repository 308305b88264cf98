using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using OrleansRegistry.Contracts;
using OrleansRegistry.Grains;
using OrleansRegistry.Model;

namespace OrleansRegistry.Diagnostics;

/// <summary>
/// What the service grains active on this silo last stored, counted for the gauges: each grain
/// reports after every stored change and withdraws when it deactivates or its service empties.
/// Services are held by grain key (see <see cref="ServiceKey"/>) and labelled by namespace and name.
/// </summary>
public sealed class ServiceGauges
{
    private static readonly ServiceStatus[] Statuses = Enum.GetValues<ServiceStatus>();

    private readonly ConcurrentDictionary<string, ServiceCounts> _services = new(StringComparer.Ordinal);

    public void Report(string serviceName, IReadOnlyCollection<ServiceInstance> instances)
    {
        ArgumentNullException.ThrowIfNull(instances);
        var byStatus = new int[Statuses.Length];
        var panic = false;
        foreach (var instance in instances)
        {
            byStatus[(int)instance.Status]++;
            panic |= instance.Panic;
        }

        _services[serviceName] = new ServiceCounts(byStatus, panic);
    }

    public void Withdraw(string serviceName) => _services.TryRemove(serviceName, out _);

    internal IEnumerable<Measurement<long>> ObserveInstances()
    {
        foreach (var (grainKey, counts) in _services)
        {
            var service = ServiceKey.FromGrainKey(grainKey);
            foreach (var status in Statuses)
            {
                yield return new Measurement<long>(
                    counts.ByStatus[(int)status],
                    new("namespace", service.Namespace),
                    new("service", service.Name),
                    new("status", status.ToWire()));
            }
        }
    }

    internal IEnumerable<Measurement<long>> ObserveServices() =>
        _services.Keys
            .GroupBy(grainKey => ServiceKey.FromGrainKey(grainKey).Namespace, StringComparer.Ordinal)
            .Select(group => new Measurement<long>(group.LongCount(), new KeyValuePair<string, object?>("namespace", group.Key)));

    internal IEnumerable<Measurement<int>> ObservePanic()
    {
        foreach (var (grainKey, counts) in _services)
        {
            var service = ServiceKey.FromGrainKey(grainKey);
            yield return new Measurement<int>(counts.Panic ? 1 : 0, new("namespace", service.Namespace), new("service", service.Name));
        }
    }

    private sealed record ServiceCounts(int[] ByStatus, bool Panic);
}
