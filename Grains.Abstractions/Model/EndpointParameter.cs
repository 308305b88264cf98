namespace OrleansRegistry.Model;

/// <summary>One parameter of a <see cref="ServiceEndpoint"/>.</summary>
[GenerateSerializer, Immutable, Alias("registry.EndpointParameter")]
public sealed record EndpointParameter(
    [property: Id(0)] string Name,
    [property: Id(1)] string ParamType,
    [property: Id(2)] bool Required,
    [property: Id(3)] string Description);
