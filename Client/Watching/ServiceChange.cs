using OrleansRegistry.Model;

namespace OrleansRegistry.Client.Watching;

/// <summary>
/// One step of a watched service: the full snapshot at <see cref="Index"/> and what differs from
/// the previous step. The first step of a watch has every instance in <see cref="Added"/>.
/// </summary>
public sealed record ServiceChange(
    string ServiceName,
    long Index,
    DateTimeOffset ObservedAt,
    IReadOnlyList<ServiceInstance> Instances,
    IReadOnlyList<ServiceInstance> Added,
    IReadOnlyList<ServiceInstance> Removed,
    IReadOnlyList<InstanceUpdate> Updated)
{
    /// <summary>True for the first step, which reports the state when the watch began.</summary>
    public bool IsInitial { get; init; }

    /// <summary>True when the snapshot holds nothing new (a definition change, or the registry restarted with the same instances).</summary>
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0 && Updated.Count == 0;
}
