using Microsoft.AspNetCore.Http.Features;
using OrleansRegistry.Contracts;
using OrleansRegistry.Grains;
using OrleansRegistry.Validation;

namespace OrleansRegistry.Silo.Http;

/// <summary>Take one instance out of rotation and put it back, without deregistering it.</summary>
internal static class MaintenanceEndpoints
{
    public static void MapMaintenanceEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(string.Empty).WithTags("instances");
        group.MapPut("/services/{name}/instances/{id}/maintenance", EnterAsync)
            .WithName("EnterMaintenance")
            .WithSummary("Take an instance out of rotation")
            .WithDescription(
                "Body {\"reason\": \"...\"} (at most 256 characters; the body may be omitted). The instance stays registered and probed "
                + "and keeps its status, but is never picked, never in ?healthy=true answers or DNS answers, and shows "
                + "\"maintenance\": {\"reason\", \"since\"} in its JSON. Idempotent; re-registration keeps it.")
            .Accepts<MaintenanceDocument>("application/json")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .RequireApiKey();

        group.MapDelete("/services/{name}/instances/{id}/maintenance", LeaveAsync)
            .WithName("LeaveMaintenance")
            .WithSummary("Put an instance back into rotation (idempotent)")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireApiKey();
    }

    private static async Task<IResult> EnterAsync(string name, string id, IGrainFactory grains, HttpContext http)
    {
        var key = ServiceRoute.InstanceGrainKey(http, name, id);
        var reason = string.Empty;
        if (http.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody != false)
        {
            var document = await JsonBody.ReadAsync(http.Request, RegistryJsonContext.Default.MaintenanceDocument, http.RequestAborted);
            reason = document.Reason ?? string.Empty;
        }

        RegistryValidator.ValidateMaintenanceReason(reason);
        return await grains.GetGrain<IServiceGrain>(key).EnterMaintenanceAsync(id, reason)
            ? TypedResults.NoContent()
            : Problems.NotFound($"Service '{name}' has no instance '{id}'.");
    }

    private static async Task<IResult> LeaveAsync(string name, string id, IGrainFactory grains, HttpContext http)
    {
        var key = ServiceRoute.InstanceGrainKey(http, name, id);
        return await grains.GetGrain<IServiceGrain>(key).LeaveMaintenanceAsync(id)
            ? TypedResults.NoContent()
            : Problems.NotFound($"Service '{name}' has no instance '{id}'.");
    }
}
