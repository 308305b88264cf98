namespace OrleansRegistry.Silo.Hosting;

/// <summary>Values of <c>Registry:Storage</c>.</summary>
public enum StorageKind
{
    Memory,
    AzureStorage,
}
