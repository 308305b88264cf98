namespace OrleansRegistry.Model;

/// <summary>One parameter of a <see cref="ServiceEndpoint"/>.</summary>
public sealed record EndpointParameter(
    string Name,
    string ParamType,
    bool Required,
    string Description);
