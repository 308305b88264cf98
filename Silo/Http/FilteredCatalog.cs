using OrleansRegistry.Caching;
using OrleansRegistry.Model;

namespace OrleansRegistry.Silo.Http;

/// <summary>
/// <c>GET /services</c> with a filter: the catalog knows names and counts only, so each service's
/// instances come from this silo's copy (loaded once for a service the silo has not seen). A
/// service is listed when the filter keeps at least one of its instances, with the counts of those.
/// </summary>
internal static class FilteredCatalog
{
    public static async Task<List<ServiceSummary>> ListAsync(IReadOnlyList<ServiceSummary> services, InstanceFilter filter, SiloServiceCache cache)
    {
        var reads = services.Where(service => service.Instances > 0).Select(service => cache.ReadAsync(service.Name).AsTask()).ToList();
        var kept = new List<ServiceSummary>();
        foreach (var read in await Task.WhenAll(reads))
        {
            var matching = read.Copy.Matching(filter, onlyHealthy: false);
            if (matching.Count > 0)
            {
                var healthy = matching.Count(instance => instance.IsListedHealthy);
                kept.Add(new ServiceSummary(read.Copy.Snapshot.ServiceName, matching.Count, healthy) { Index = read.Copy.Index });
            }
        }

        return kept;
    }
}
