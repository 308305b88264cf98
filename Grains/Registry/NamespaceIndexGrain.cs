using OrleansRegistry.Grains;
using OrleansRegistry.Model;
using OrleansRegistry.Storage;

namespace OrleansRegistry.Registry;

/// <summary>
/// The namespaces that ever held a service; a listing asks each one's catalog and leaves out the
/// empty ones. A namespace is never removed: a catalog's "now empty" and "not empty again" could
/// arrive in either order, and an entry too many only costs a question. The default namespace is
/// always asked, so services stored before namespaces existed (whose catalog never told this index)
/// are listed without a migration.
/// Reentrant, so that listing (which asks each namespace's catalog) never blocks a catalog that
/// is adding or removing its namespace.
/// </summary>
[Reentrant]
public sealed class NamespaceIndexGrain(
    [PersistentState("namespaces", RegistryStorage.Name)] IPersistentState<NamespaceIndexState> state) : Grain, INamespaceIndexGrain
{
    private readonly GroupCommit _writer = new(() => state.WriteStateAsync());

    public async Task AddAsync(string ns)
    {
        if (ns != ServiceKey.DefaultNamespace && state.State.Names.Add(ns))
        {
            await _writer.CommitAsync();
        }
    }

    public async Task<IReadOnlyList<NamespaceSummary>> ListAsync()
    {
        var names = state.State.Names.Append(ServiceKey.DefaultNamespace).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var counts = await Task.WhenAll(names.Select(name =>
            GrainFactory.GetGrain<IServiceCatalogGrain>(ServiceCatalogKey.Of(name)).ListAsync()));
        return names
            .Select((name, i) => new NamespaceSummary(name, counts[i].Count))
            .Where(summary => summary.Services > 0)
            .ToArray();
    }
}
