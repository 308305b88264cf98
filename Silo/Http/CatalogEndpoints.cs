using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using OrleansRegistry.Caching;
using OrleansRegistry.Contracts;
using OrleansRegistry.Grains;

namespace OrleansRegistry.Silo.Http;

/// <summary>The list of services.</summary>
internal static class CatalogEndpoints
{
    public static void MapCatalogEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(string.Empty).WithTags("services");
        group.MapGet("/services", ListAsync)
            .WithName("ListServices")
            .WithSummary("Every known service with its instance counts, sorted by name")
            .WithDescription(
                "X-Registry-Index is the sum of the listed services' change indexes: it changes whenever a listed service "
                + "changes or the set of services changes (it goes down when a service leaves the list; treat any change as news). "
                + "With tag= or meta.{key}= only services with at least one instance the filter keeps are listed, counting those instances.")
            .Produces<List<ServiceSummaryDocument>>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithMetadataFilter()
            .WithResponseHeader(StatusCodes.Status200OK, RegistryHeaders.Index, "Changes whenever the listing changes.", isInteger: true);
    }

    private static async Task<IResult> ListAsync(
        [FromQuery, Description(InstanceEndpoints.TagDescription)] string[]? tag,
        IGrainFactory grains,
        SiloServiceCache cache,
        HttpContext http)
    {
        var filter = FilterQuery.Parse(tag, http.Request);
        var summaries = await grains.GetGrain<IServiceCatalogGrain>(ServiceCatalogKey.Default).GetSummariesAsync();
        if (!filter.IsEmpty)
        {
            summaries = await FilteredCatalog.ListAsync(summaries, filter, cache);
        }

        http.Response.Headers[RegistryHeaders.Index] = summaries.Sum(summary => summary.Index).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var documents = summaries.Select(summary => summary.ToDocument()).ToList();
        return TypedResults.Json(documents, RegistryJsonContext.Default.ListServiceSummaryDocument);
    }
}
