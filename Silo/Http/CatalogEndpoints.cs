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
            .Produces<List<ServiceSummaryDocument>>(StatusCodes.Status200OK);
    }

    private static async Task<IResult> ListAsync(IGrainFactory grains)
    {
        var summaries = await grains.GetGrain<IServiceCatalogGrain>(ServiceCatalogKey.Default).GetSummariesAsync();
        var documents = summaries.Select(summary => summary.ToDocument()).ToList();
        return TypedResults.Json(documents, RegistryJsonContext.Default.ListServiceSummaryDocument);
    }
}
