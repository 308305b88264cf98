namespace OrleansRegistry.Silo.Http;

/// <summary>The type of the record <see cref="StorageHealthCheck"/> reads; it is never written.</summary>
[GenerateSerializer, Alias("registry.StorageHealthCheckRecord")]
public sealed class StorageHealthCheckRecord
{
    [Id(0)]
    public int Unused { get; set; }
}
