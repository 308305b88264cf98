using OrleansRegistry.Health;
using OrleansRegistry.Model;

namespace OrleansRegistry.Registry;

/// <summary>What a service grain persists. Kept plain so it stores as readable JSON.</summary>
[GenerateSerializer, Alias("registry.ServiceState")]
public sealed class ServiceState
{
    [Id(0)]
    public Dictionary<string, ServiceInstance> Instances { get; set; } = new(StringComparer.Ordinal);

    [Id(1)]
    public ServiceDefinition? Definition { get; set; }

    /// <summary>Grows with every stored change; blocking queries and silo caches order snapshots by it.</summary>
    [Id(2)]
    public long Index { get; set; }

    /// <summary>Health records of the checked instances, by instance id.</summary>
    [Id(3)]
    public Dictionary<string, InstanceHealthRecord> Health { get; set; } = new(StringComparer.Ordinal);

    public bool IsEmpty => Instances.Count == 0 && Definition is null;

    /// <summary>
    /// A copy of this state whose instances carry the newer heartbeat times of <paramref name="live"/>:
    /// what memory holds after a failed write (heartbeats are never stored on their own, so no write
    /// failure may take one back).
    /// </summary>
    public ServiceState WithHeartbeatsOf(ServiceState live)
    {
        var copy = Copy();
        foreach (var (id, instance) in Instances)
        {
            if (live.Instances.TryGetValue(id, out var current) && current.LastHeartbeat > instance.LastHeartbeat)
            {
                copy.Instances[id] = instance with { LastHeartbeat = current.LastHeartbeat };
            }
        }

        return copy;
    }

    /// <summary>A copy that later changes to this state do not touch (the records in it are immutable).</summary>
    public ServiceState Copy() => new()
    {
        Instances = new Dictionary<string, ServiceInstance>(Instances, StringComparer.Ordinal),
        Definition = Definition,
        Index = Index,
        Health = new Dictionary<string, InstanceHealthRecord>(Health, StringComparer.Ordinal),
    };
}
