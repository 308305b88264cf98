using OrleansRegistry.Contracts;
using OrleansRegistry.Grains;

namespace OrleansRegistry.Silo.Http;

/// <summary>The namespaces that hold services.</summary>
internal static class NamespaceEndpoints
{
    public static void MapNamespaceEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup(string.Empty).WithTags("namespaces")
            .MapGet("/namespaces", ListAsync)
            .WithName("ListNamespaces")
            .WithSummary("Every namespace holding a service, with its service count, sorted by name")
            .WithDescription("Every service route also exists under /namespaces/{ns}; the unprefixed routes address the default namespace.")
            .Produces<List<NamespaceSummaryDocument>>(StatusCodes.Status200OK);
    }

    private static async Task<IResult> ListAsync(IGrainFactory grains)
    {
        var namespaces = await grains.GetGrain<INamespaceIndexGrain>(0).ListAsync();
        var documents = namespaces.Select(summary => summary.ToDocument()).ToList();
        return TypedResults.Json(documents, RegistryJsonContext.Default.ListNamespaceSummaryDocument);
    }
}
