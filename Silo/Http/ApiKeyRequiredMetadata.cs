namespace OrleansRegistry.Silo.Http;

/// <summary>Marks an endpoint guarded by <see cref="ApiKeyFilter"/>, so the OpenAPI document says so.</summary>
public sealed class ApiKeyRequiredMetadata
{
    public static ApiKeyRequiredMetadata Instance { get; } = new();
}
