using OrleansRegistry.Model;

namespace OrleansRegistry.Grains;

/// <summary>
/// The namespaces that hold a service (use key 0). Each namespace's <see cref="IServiceCatalogGrain"/>
/// adds its namespace whenever it gains a service; empty namespaces are left out of the listing.
/// </summary>
[Alias("registry.INamespaceIndexGrain")]
public interface INamespaceIndexGrain : IGrainWithIntegerKey
{
    [Alias("Add")]
    Task AddAsync(string ns);

    /// <summary>Every namespace holding a service, with its service count, sorted by name.</summary>
    [Alias("List")]
    Task<IReadOnlyList<NamespaceSummary>> ListAsync();
}
