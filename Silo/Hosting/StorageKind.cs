namespace OrleansRegistry.Silo.Hosting;

/// <summary>Values of <c>Registry:Storage</c>.</summary>
public enum StorageKind
{
    Memory,
    AzureStorage,
    Redis,

    /// <summary>PostgreSQL through Orleans' ADO.NET providers.</summary>
    AdoNet,
}
