using OrleansRegistry.Contracts;
using OrleansRegistry.Grains;

namespace OrleansRegistry.Silo.Http;

/// <summary>A service's definition: its version, endpoints, dependencies and configuration.</summary>
internal static class DefinitionEndpoints
{
    public static void MapDefinitionEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(string.Empty).WithTags("definitions");
        group.MapPut("/services/{name}/definition", PutAsync)
            .WithName("PutDefinition")
            .WithSummary("Store a service's definition")
            .WithDescription("Answers 200 with the definition as stored. name may be omitted from the body but must match the path when given.")
            .Accepts<ServiceDefinitionDocument>("application/json")
            .Produces<ServiceDefinitionDocument>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .RequireApiKey();

        group.MapGet("/services/{name}/definition", GetAsync)
            .WithName("GetDefinition")
            .WithSummary("A service's definition")
            .Produces<ServiceDefinitionDocument>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> PutAsync(string name, IGrainFactory grains, HttpContext http)
    {
        var key = ServiceRoute.Key(http, name, "name").GrainKey;
        var document = await JsonBody.ReadAsync(http.Request, RegistryJsonContext.Default.ServiceDefinitionDocument, http.RequestAborted);
        var definition = document.ToDefinition(name);
        await grains.GetGrain<IServiceGrain>(key).PutDefinitionAsync(definition);
        return TypedResults.Json(definition.ToDocument(), RegistryJsonContext.Default.ServiceDefinitionDocument);
    }

    private static async Task<IResult> GetAsync(string name, IGrainFactory grains, HttpContext http)
    {
        var key = ServiceRoute.Key(http, name, "name").GrainKey;
        var definition = await grains.GetGrain<IServiceGrain>(key).GetDefinitionAsync();
        return definition is null
            ? Problems.NotFound($"Service '{name}' has no definition.")
            : TypedResults.Json(definition.ToDocument(), RegistryJsonContext.Default.ServiceDefinitionDocument);
    }
}
