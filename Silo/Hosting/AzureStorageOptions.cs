namespace OrleansRegistry.Silo.Hosting;

/// <summary>The <c>Registry:AzureStorage:*</c> keys.</summary>
public sealed class AzureStorageOptions
{
    /// <summary>Azurite's development account unless set.</summary>
    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";
}
