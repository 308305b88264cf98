using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using OrleansRegistry.Caching;
using OrleansRegistry.Contracts;
using OrleansRegistry.Grains;
using OrleansRegistry.Model;
using OrleansRegistry.Validation;

namespace OrleansRegistry.Silo.Http;

/// <summary>Register, read, renew and remove instances; list a service's instances (with blocking queries).</summary>
internal static class InstanceEndpoints
{
    public const string TagDescription = "repeatable: keep only instances carrying this tag (every tag= and meta.{key}= condition must hold)";

    public static void MapInstanceEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(string.Empty).WithTags("instances");
        group.MapGet("/services/{name}", ListAsync)
            .WithName("ListInstances")
            .WithSummary("Every instance of a service")
            .WithDescription(
                "An unknown service is 200 []. The X-Registry-Index header carries the service's change index; "
                + "pass it back as ?index= with ?wait= to wait until the service changes (a blocking query). With tag= or meta.{key}= "
                + "filters only the instances they keep are listed, and a blocking query waits until that filtered list changes.")
            .Produces<List<ServiceInstanceDocument>>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithMetadataFilter()
            .WithResponseHeader(StatusCodes.Status200OK, RegistryHeaders.Index, "The service's change index; pass it back as ?index= to wait for the next change.", isInteger: true);

        group.MapGet("/services/{name}/instances/{id}", GetAsync)
            .WithName("GetInstance")
            .WithSummary("One instance")
            .Produces<ServiceInstanceDocument>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/services/{name}/instances/{id}", PutAsync)
            .WithName("RegisterInstance")
            .WithSummary("Register or replace an instance")
            .WithDescription("201 when the instance is new, 200 when it replaced one (created_at is kept). id and service_name may be omitted from the body but must match the path when given.")
            .Accepts<ServiceInstanceDocument>("application/json")
            .Produces<ServiceInstanceDocument>(StatusCodes.Status200OK)
            .Produces<ServiceInstanceDocument>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .RequireApiKey();

        group.MapDelete("/services/{name}/instances/{id}", DeleteAsync)
            .WithName("DeregisterInstance")
            .WithSummary("Deregister an instance (idempotent)")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireApiKey();

        group.MapPut("/services/{name}/instances/{id}/heartbeat", HeartbeatAsync)
            .WithName("Heartbeat")
            .WithSummary("Renew an instance's lease")
            .WithDescription("404 when the instance is not registered: register it again.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireApiKey();
    }

    private static async Task<IResult> ListAsync(
        string name,
        [FromQuery, Description("true keeps only healthy instances")] string? healthy,
        [FromQuery, Description(TagDescription)] string[]? tag,
        [FromQuery, Description("answer when the service's change index is above this value (from X-Registry-Index)")] string? index,
        [FromQuery, Description("how long to wait for a change, such as 30s or 2m (at most 5m, default 5m); a little jitter is added")] string? wait,
        SiloServiceCache cache,
        ServiceChangeWatcher watcher,
        HttpContext http)
    {
        var key = ServiceRoute.Key(http, name).GrainKey;
        var onlyHealthy = QueryValues.ParseFlag(healthy, "healthy");
        var filter = FilterQuery.Parse(tag, http.Request);
        var query = QueryValues.ParseBlockingQuery(index, wait);
        var (copy, stale) = query is null ? await cache.ReadAsync(key) : await watcher.WaitAsync(key, query, new FilteredAnswer(filter, onlyHealthy), http.RequestAborted);
        if (stale)
        {
            http.Response.Headers[RegistryHeaders.Stale] = "true";
        }

        http.Response.Headers[RegistryHeaders.Index] = copy.Index.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Bytes(copy.InstancesJson(filter, onlyHealthy), ServiceCopy.JsonContentType);
    }

    private static async Task<IResult> GetAsync(string name, string id, IGrainFactory grains, HttpContext http)
    {
        var key = ServiceRoute.InstanceGrainKey(http, name, id);
        var instance = await grains.GetGrain<IServiceGrain>(key).GetInstanceAsync(id);
        return instance is null
            ? Problems.NotFound($"Service '{name}' has no instance '{id}'.")
            : TypedResults.Json(instance.ToDocument(), RegistryJsonContext.Default.ServiceInstanceDocument);
    }

    private static async Task<IResult> PutAsync(string name, string id, IGrainFactory grains, HttpContext http)
    {
        var key = ServiceRoute.InstanceGrainKey(http, name, id);
        var document = await JsonBody.ReadAsync(http.Request, RegistryJsonContext.Default.ServiceInstanceDocument, http.RequestAborted);
        var stored = await grains.GetGrain<IServiceGrain>(key).RegisterAsync(document.ToInstance(name, id));

        // The grain stamps a new instance's created_at and last_heartbeat with the same instant and
        // keeps the original created_at on re-registration, so equal stamps mean "created".
        var created = stored.CreatedAt == stored.LastHeartbeat;
        if (created)
        {
            http.Response.Headers.Location = $"{ServiceRoute.PathPrefix(http)}/services/{Uri.EscapeDataString(name)}/instances/{Uri.EscapeDataString(id)}";
        }

        return TypedResults.Json(
            stored.ToDocument(),
            RegistryJsonContext.Default.ServiceInstanceDocument,
            statusCode: created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    private static async Task<IResult> DeleteAsync(string name, string id, IGrainFactory grains, HttpContext http)
    {
        var key = ServiceRoute.InstanceGrainKey(http, name, id);
        await grains.GetGrain<IServiceGrain>(key).DeregisterAsync(id);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> HeartbeatAsync(string name, string id, IGrainFactory grains, HttpContext http)
    {
        var key = ServiceRoute.InstanceGrainKey(http, name, id);
        var result = await grains.GetGrain<IServiceGrain>(key).HeartbeatAsync(id);
        return result == HeartbeatResult.Renewed
            ? TypedResults.NoContent()
            : Problems.NotFound($"Service '{name}' has no instance '{id}'; register it again.");
    }
}
