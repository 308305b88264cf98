namespace OrleansRegistry.Model;

/// <summary>One operation a service exposes.</summary>
[GenerateSerializer, Immutable, Alias("registry.ServiceEndpoint")]
public sealed record ServiceEndpoint(
    [property: Id(0)] string Path,
    [property: Id(1)] string Method,
    [property: Id(2)] string Description,
    [property: Id(3)] IReadOnlyList<EndpointParameter> Parameters);
