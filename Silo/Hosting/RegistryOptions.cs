namespace OrleansRegistry.Silo.Hosting;

/// <summary>
/// The <c>Registry:*</c> keys that decide how the silo is built: where grain state and reminders live.
/// Health checks, the balancer and API keys have their own options.
/// </summary>
public sealed class RegistryOptions
{
    public const string SectionName = "Registry";

    public StorageKind Storage { get; set; } = StorageKind.Memory;

    /// <summary><c>Registry:AzureStorage:*</c>: used by Azure Storage clustering as well as by Azure Storage state.</summary>
    public AzureStorageOptions AzureStorage { get; set; } = new();

    /// <summary><c>Registry:Redis:*</c>: used by Redis clustering as well as by Redis state.</summary>
    public RedisOptions Redis { get; set; } = new();

    /// <summary><c>Registry:AdoNet:*</c>: used by PostgreSQL clustering as well as by PostgreSQL state.</summary>
    public AdoNetOptions AdoNet { get; set; } = new();
}
