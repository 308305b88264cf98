using OrleansRegistry.Model;

namespace OrleansRegistry.LoadBalancing;

/// <summary>
/// The instances a filtered or zone-aware pick chooses among, ordered by id;
/// <see cref="ZoneFallback"/> when the zone asked for had none and these are from every zone.
/// </summary>
public sealed record SelectionCandidates(ServiceInstance[] Instances, bool ZoneFallback);
