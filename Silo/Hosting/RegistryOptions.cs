namespace OrleansRegistry.Silo.Hosting;

/// <summary>The <c>Registry:*</c> keys of the operator configuration contract (health checks have their own section).</summary>
public sealed class RegistryOptions
{
    public const string SectionName = "Registry";

    public StorageKind Storage { get; set; } = StorageKind.Memory;

    public string AzureStorageConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>Keys accepted in <c>X-Api-Key</c> for writes; empty leaves writes open.</summary>
    public IReadOnlyList<string> ApiKeys { get; set; } = [];
}
