using Orleans.Runtime.Placement;

namespace OrleansRegistry.Caching;

/// <summary>
/// Activates a silo-addressed grain on exactly the silo its key names, and refuses when that silo
/// is gone: a push to a dead silo should fail, not land on a survivor.
/// </summary>
public sealed class SiloTargetedPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var wanted = SiloKey.Parse(target.GrainIdentity.Key.ToString()!);
        foreach (var silo in context.GetCompatibleSilos(target))
        {
            if (silo.Equals(wanted))
            {
                return Task.FromResult(silo);
            }
        }

        throw new OrleansException($"Silo {wanted} is not an active member of the cluster; its cache grain cannot be placed.");
    }
}
