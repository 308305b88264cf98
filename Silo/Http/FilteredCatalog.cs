using OrleansRegistry.Caching;
using OrleansRegistry.Grains;
using OrleansRegistry.Model;

namespace OrleansRegistry.Silo.Http;

/// <summary>
/// <c>GET /services</c> with a filter: the catalog knows names and counts only, so each service's
/// instances come from this silo's copy (loaded once for a service the silo has not seen). A
/// service is listed when the filter keeps at least one of its instances, with the counts of those.
/// </summary>
internal static class FilteredCatalog
{
    public static async Task<List<ServiceSummary>> ListAsync(string ns, IReadOnlyList<ServiceSummary> services, InstanceFilter filter, SiloServiceCache cache)
    {
        var listed = services.Where(service => service.Instances > 0).ToList();
        var reads = await Task.WhenAll(listed.Select(service => cache.ReadAsync(new ServiceKey(ns, service.Name).GrainKey).AsTask()));
        var kept = new List<ServiceSummary>();
        for (var i = 0; i < listed.Count; i++)
        {
            var matching = reads[i].Copy.Matching(filter, onlyHealthy: false);
            if (matching.Count > 0)
            {
                var healthy = matching.Count(instance => instance.IsListedHealthy);
                kept.Add(new ServiceSummary(listed[i].Name, matching.Count, healthy) { Index = reads[i].Copy.Index });
            }
        }

        return kept;
    }
}
