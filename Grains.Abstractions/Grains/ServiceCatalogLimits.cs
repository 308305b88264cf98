namespace OrleansRegistry.Grains;

public static class ServiceCatalogLimits
{
    /// <summary>The longest one <see cref="IServiceCatalogGrain.WaitForChangeAsync"/> call waits, well inside the silos' response timeout.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(5);
}
