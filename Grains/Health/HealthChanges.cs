using OrleansRegistry.Model;

namespace OrleansRegistry.Health;

/// <summary>What one evaluation of a service's health decided.</summary>
internal sealed class HealthChanges
{
    public static HealthChanges None { get; } = new();

    /// <summary>Instances whose status or panic flag changed: visible to balancers, so they are committed.</summary>
    public Dictionary<string, ServiceInstance> Instances { get; } = new(StringComparer.Ordinal);

    /// <summary>New health records (null removes one); stored with the next commit.</summary>
    public Dictionary<string, InstanceHealthRecord?> Records { get; } = new(StringComparer.Ordinal);

    /// <summary>Instances unhealthy for longer than DeregisterAfter, to remove.</summary>
    public List<string> Evicted { get; } = [];

    public List<StatusChange> StatusChanges { get; } = [];

    public bool PanicBefore { get; set; }

    public bool PanicAfter { get; set; }

    /// <summary>The instances the panic guard keeps selectable.</summary>
    public List<string> Panicked { get; } = [];

    public bool RequiresCommit => Instances.Count > 0 || Evicted.Count > 0;

    public bool IsEmpty => !RequiresCommit && Records.Count == 0;
}
