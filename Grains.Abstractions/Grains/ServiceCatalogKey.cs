namespace OrleansRegistry.Grains;

/// <summary>Keys of the catalog grain.</summary>
public static class ServiceCatalogKey
{
    public const string Default = "services";
}
