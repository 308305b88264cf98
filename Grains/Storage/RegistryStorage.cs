namespace OrleansRegistry.Storage;

/// <summary>Names of the grain storage providers the registry's grains use.</summary>
public static class RegistryStorage
{
    /// <summary>The provider holding service and catalog state.</summary>
    public const string Name = "registry";
}
