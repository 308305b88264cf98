namespace OrleansRegistry.Model;

/// <summary>One operation a service exposes.</summary>
public sealed record ServiceEndpoint(
    string Path,
    string Method,
    string Description,
    IReadOnlyList<EndpointParameter> Parameters);
