namespace OrleansRegistry.Model;

/// <summary>The services of one namespace, sorted by name, at one catalog index (which only grows).</summary>
[GenerateSerializer, Immutable, Alias("registry.ServiceCatalogListing")]
public sealed record ServiceCatalogListing(
    [property: Id(0)] long Index,
    [property: Id(1)] IReadOnlyList<ServiceSummary> Services);
