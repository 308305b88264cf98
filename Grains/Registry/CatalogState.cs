namespace OrleansRegistry.Registry;

/// <summary>What the catalog grain persists: the names of the services that exist.</summary>
[GenerateSerializer, Alias("registry.CatalogState")]
public sealed class CatalogState
{
    [Id(0)]
    public HashSet<string> Names { get; set; } = new(StringComparer.Ordinal);
}
