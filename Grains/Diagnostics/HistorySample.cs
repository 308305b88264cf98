using OrleansRegistry.Model;

namespace OrleansRegistry.Diagnostics;

/// <summary>A service's instance counts at one moment, as this silo's copy had them.</summary>
public readonly record struct HistorySample(DateTimeOffset At, int Healthy, int Total)
{
    public static HistorySample Of(DateTimeOffset at, IReadOnlyCollection<ServiceInstance> instances)
    {
        ArgumentNullException.ThrowIfNull(instances);
        return new HistorySample(at, instances.Count(instance => instance.Status == ServiceStatus.Healthy), instances.Count);
    }
}
