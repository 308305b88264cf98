using OrleansRegistry.Model;

namespace OrleansRegistry.LoadBalancing;

/// <summary>
/// Picks one instance out of the selectable ones. Implementations keep per-service state (a
/// cursor, weights, leases), are not thread-safe, and allocate nothing on a steady-state pick.
/// </summary>
public interface ISelectionStrategy
{
    LoadBalancingStrategy Kind { get; }

    /// <summary>Picks from <paramref name="candidates"/>; false when it is empty.</summary>
    bool TryPick(IReadOnlyList<ServiceInstance> candidates, out InstancePick pick);
}
