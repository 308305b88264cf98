namespace OrleansRegistry.Silo.Http;

/// <summary>A header an endpoint sets on its answers with <paramref name="StatusCode"/>, for the OpenAPI document.</summary>
public sealed record ResponseHeaderMetadata(int StatusCode, string Name, string Description, bool IsInteger);
