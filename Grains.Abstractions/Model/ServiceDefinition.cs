namespace OrleansRegistry.Model;

/// <summary>What a service is: its version, endpoints, dependencies and configuration.</summary>
/// <param name="Config">Configuration values, each kept as the JSON text of an arbitrary JSON value.</param>
[GenerateSerializer, Immutable, Alias("registry.ServiceDefinition")]
public sealed record ServiceDefinition(
    [property: Id(0)] string Name,
    [property: Id(1)] string Version,
    [property: Id(2)] string Description,
    [property: Id(3)] IReadOnlyList<ServiceEndpoint> Endpoints,
    [property: Id(4)] IReadOnlyList<string> Dependencies,
    [property: Id(5)] IReadOnlyDictionary<string, string> Config);
