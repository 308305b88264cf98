using OrleansRegistry.Model;

namespace OrleansRegistry.Grains;

/// <summary>
/// The services of one namespace (key <see cref="ServiceCatalogKey.Of"/>) with their instance
/// counts, which each <see cref="IServiceGrain"/> reports whenever they change. It holds names and
/// counts only; each service's data stays in its own grain.
/// </summary>
[Alias("registry.IServiceCatalogGrain")]
public interface IServiceCatalogGrain : IGrainWithStringKey
{
    /// <summary>Records that the service exists (it has an instance or a definition) with these counts; an older report than held is ignored.</summary>
    [Alias("Report")]
    Task ReportAsync(ServiceSummary summary);

    /// <summary>Records that the service has neither instances nor a definition.</summary>
    [Alias("Remove")]
    Task RemoveAsync(string serviceName);

    /// <summary>Every known service name, sorted ordinally.</summary>
    [Alias("List")]
    Task<IReadOnlyList<string>> ListAsync();

    /// <summary>Every known service with its instance counts, sorted by name.</summary>
    [Alias("Summaries")]
    Task<IReadOnlyList<ServiceSummary>> GetSummariesAsync();

    /// <summary>The services with the catalog's index, which grows with every change of the list or of a count.</summary>
    [Alias("GetListing")]
    Task<ServiceCatalogListing> GetListingAsync();

    /// <summary>
    /// The listing once the index differs from <paramref name="index"/>, or after <paramref name="wait"/>
    /// (at most <see cref="ServiceCatalogLimits.MaxWait"/>: longer waits are a loop of calls).
    /// </summary>
    [Alias("WaitForChange")]
    Task<ServiceCatalogListing> WaitForChangeAsync(long index, TimeSpan wait);
}
