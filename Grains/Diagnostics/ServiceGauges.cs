using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using OrleansRegistry.Contracts;
using OrleansRegistry.Model;

namespace OrleansRegistry.Diagnostics;

/// <summary>
/// What the service grains active on this silo last stored, counted for the gauges: each grain
/// reports after every stored change and withdraws when it deactivates or its service empties.
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
        foreach (var (service, counts) in _services)
        {
            foreach (var status in Statuses)
            {
                yield return new Measurement<long>(
                    counts.ByStatus[(int)status],
                    new("namespace", RegistryMetrics.DefaultNamespace),
                    new("service", service),
                    new("status", status.ToWire()));
            }
        }
    }

    internal Measurement<long> ObserveServices() =>
        new(_services.Count, new KeyValuePair<string, object?>("namespace", RegistryMetrics.DefaultNamespace));

    internal IEnumerable<Measurement<int>> ObservePanic()
    {
        foreach (var (service, counts) in _services)
        {
            yield return new Measurement<int>(counts.Panic ? 1 : 0, new("namespace", RegistryMetrics.DefaultNamespace), new("service", service));
        }
    }

    private sealed record ServiceCounts(int[] ByStatus, bool Panic);
}
