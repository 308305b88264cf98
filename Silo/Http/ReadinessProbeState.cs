namespace OrleansRegistry.Silo.Http;

/// <summary>The type of the record the readiness probe reads; it is never written.</summary>
[GenerateSerializer, Alias("registry.ReadinessProbeState")]
public sealed class ReadinessProbeState
{
    [Id(0)]
    public int Unused { get; set; }
}
