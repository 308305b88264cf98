using System.Text.Json;

namespace OrleansRegistry.Contracts;

/// <summary><c>ServiceDefinition</c> on the wire.</summary>
public sealed record ServiceDefinitionDocument
{
    public string? Name { get; init; }

    public string? Version { get; init; }

    public string? Description { get; init; }

    public List<ServiceEndpointDocument?>? Endpoints { get; init; }

    public List<string?>? Dependencies { get; init; }

    public Dictionary<string, JsonElement>? Config { get; init; }
}

public sealed record ServiceEndpointDocument
{
    public string? Path { get; init; }

    public string? Method { get; init; }

    public string? Description { get; init; }

    public List<EndpointParameterDocument?>? Parameters { get; init; }
}

public sealed record EndpointParameterDocument
{
    public string? Name { get; init; }

    public string? ParamType { get; init; }

    public bool? Required { get; init; }

    public string? Description { get; init; }
}
