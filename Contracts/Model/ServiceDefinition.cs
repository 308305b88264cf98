namespace OrleansRegistry.Model;

/// <summary>What a service is: its version, endpoints, dependencies and configuration.</summary>
/// <param name="Config">Configuration values, each kept as the JSON text of an arbitrary JSON value.</param>
public sealed record ServiceDefinition(
    string Name,
    string Version,
    string Description,
    IReadOnlyList<ServiceEndpoint> Endpoints,
    IReadOnlyList<string> Dependencies,
    IReadOnlyDictionary<string, string> Config);
