using OrleansRegistry.Model;

namespace OrleansRegistry.Registry;

/// <summary>What a service grain tells its catalog: whether the service exists, and its counts.</summary>
internal readonly record struct ServiceCatalogEntry(bool Present, int Instances, int Healthy)
{
    public static ServiceCatalogEntry Of(ServiceState state)
    {
        var healthy = 0;
        foreach (var instance in state.Instances.Values)
        {
            if (instance.IsListedHealthy)
            {
                healthy++;
            }
        }

        return new ServiceCatalogEntry(!state.IsEmpty, state.Instances.Count, healthy);
    }
}
