using OrleansRegistry.Model;

namespace OrleansRegistry.Client.Discovery;

/// <summary>A service's instances as the client's cache holds them.</summary>
/// <param name="Snapshot">Every instance at the registry's change index.</param>
/// <param name="IsStale">
/// True when the registry has not confirmed the list within the cache TTL because it could not be
/// reached: this is the last known good list.
/// </param>
/// <param name="Age">Time since the registry last confirmed the list.</param>
public sealed record DiscoveredService(ServiceSnapshot Snapshot, bool IsStale, TimeSpan Age)
{
    /// <summary>The instances a caller may use (healthy, or kept selectable by the registry's panic mode), ordered by id.</summary>
    public IReadOnlyList<ServiceInstance> Selectable { get; init; } = [];

    /// <summary>The instances <paramref name="filter"/> keeps, at the same index (this answer itself when it keeps all).</summary>
    public DiscoveredService Matching(InstanceFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return filter.IsEmpty
            ? this
            : this with
            {
                Snapshot = Snapshot with { Instances = [.. Snapshot.Instances.Where(filter.Matches)] },
                Selectable = [.. Selectable.Where(filter.Matches)],
            };
    }
}
