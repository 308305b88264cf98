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
}
