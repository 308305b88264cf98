using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using OrleansRegistry.Caching;
using OrleansRegistry.Contracts;
using OrleansRegistry.Diagnostics;
using OrleansRegistry.Grains;

namespace OrleansRegistry.Silo.Http;

/// <summary>The list of a namespace's services (with blocking queries).</summary>
internal static class CatalogEndpoints
{
    public static void MapCatalogEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(string.Empty).WithTags("services");
        group.MapGet("/services", ListAsync)
            .WithName("ListServices")
            .WithSummary("Every service of the namespace with its instance counts, sorted by name")
            .WithDescription(
                "X-Registry-Index is the namespace catalog's index, which only grows: it moves when a service appears or "
                + "disappears or its instance or healthy count changes. Pass it back as ?index= with ?wait= to wait for such a change. "
                + "With tag= or meta.{key}= only services with at least one instance the filter keeps are listed, counting those instances "
                + "(the index is still the catalog's, so a blocking query wakes on count changes, not on a tag change alone).")
            .Produces<List<ServiceSummaryDocument>>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithMetadataFilter()
            .WithResponseHeader(StatusCodes.Status200OK, RegistryHeaders.Index, "The catalog's index; pass it back as ?index= to wait for the next change.", isInteger: true);
    }

    private static async Task<IResult> ListAsync(
        [FromQuery, Description(InstanceEndpoints.TagDescription)] string[]? tag,
        [FromQuery, Description("answer when the catalog's index differs from this value (from X-Registry-Index)")] string? index,
        [FromQuery, Description("how long to wait for a change, such as 30s or 2m (at most 5m, default 5m); a little jitter is added")] string? wait,
        IGrainFactory grains,
        SiloServiceCache cache,
        RegistryMetrics metrics,
        TimeProvider timeProvider,
        IHostApplicationLifetime lifetime,
        HttpContext http)
    {
        var ns = ServiceRoute.Namespace(http);
        var filter = FilterQuery.Parse(tag, http.Request);
        var query = QueryValues.ParseBlockingQuery(index, wait);
        var catalog = grains.GetGrain<IServiceCatalogGrain>(ServiceCatalogKey.Of(ns));
        var listing = query is null
            ? await catalog.GetListingAsync()
            : await CatalogWait.WaitAsync(catalog, query, metrics, timeProvider, lifetime.ApplicationStopping, http.RequestAborted);
        http.Response.Headers[RegistryHeaders.Index] = listing.Index.ToString(CultureInfo.InvariantCulture);
        var services = filter.IsEmpty ? listing.Services : await FilteredCatalog.ListAsync(ns, listing.Services, filter, cache);
        var documents = services.Select(summary => summary.ToDocument()).ToList();
        return TypedResults.Json(documents, RegistryJsonContext.Default.ListServiceSummaryDocument);
    }
}
