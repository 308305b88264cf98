using OrleansRegistry.Model;

namespace OrleansRegistry.Grains;

/// <summary>
/// The index of service names (use key <see cref="ServiceCatalogKey.Default"/>). It holds names
/// only; each service's data stays in its own <see cref="IServiceGrain"/>.
/// </summary>
[Alias("registry.IServiceCatalogGrain")]
public interface IServiceCatalogGrain : IGrainWithStringKey
{
    /// <summary>Records that the service exists (it has an instance or a definition).</summary>
    [Alias("Add")]
    Task AddAsync(string serviceName);

    /// <summary>Records that the service has neither instances nor a definition.</summary>
    [Alias("Remove")]
    Task RemoveAsync(string serviceName);

    /// <summary>Every known service name, sorted ordinally.</summary>
    [Alias("List")]
    Task<IReadOnlyList<string>> ListAsync();

    /// <summary>Every known service with its instance counts, sorted by name.</summary>
    [Alias("Summaries")]
    Task<IReadOnlyList<ServiceSummary>> GetSummariesAsync();
}
