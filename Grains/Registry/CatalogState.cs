namespace OrleansRegistry.Registry;

/// <summary>What a catalog grain persists: the names of the services that exist, and its epoch.</summary>
[GenerateSerializer, Alias("registry.CatalogState")]
public sealed class CatalogState
{
    [Id(0)]
    public HashSet<string> Names { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Grows at every activation (absent in state stored before it existed: 0), so the catalog's index grows across restarts.</summary>
    [Id(1)]
    public long Epoch { get; set; }
}
