using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using OrleansRegistry.Caching;
using OrleansRegistry.Contracts;
using OrleansRegistry.Grains;
using OrleansRegistry.LoadBalancing;

namespace OrleansRegistry.Silo.Http;

/// <summary>The balancer's pick, and the return of a least-connections lease.</summary>
internal static partial class SelectionEndpoints
{
    public static void MapSelectionEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(string.Empty).WithTags("selection");
        group.MapGet("/services/{name}/select", SelectAsync)
            .WithName("SelectInstance")
            .WithSummary("The balancer's pick of one healthy instance")
            .WithDescription(
                "With least_connections the pick opens a lease, returned in the X-Registry-Lease header; release it with "
                + "POST /services/{name}/leases/{lease}/release when the call is done, or it expires after Registry:Balancer:LeaseDuration (10 s). "
                + "tag= and meta.{key}= narrow the pick to the instances they keep (503 when none of those is healthy); near= prefers "
                + "instances whose metadata.zone equals it and falls back to every zone, with X-Registry-Zone-Fallback: true, when it has none.")
            .Produces<ServiceInstanceDocument>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithMetadataFilter()
            .WithResponseHeader(StatusCodes.Status200OK, RegistryHeaders.Lease, "With least_connections: the lease token to release when the call is done.")
            .WithResponseHeader(StatusCodes.Status200OK, RegistryHeaders.ZoneFallback, "true when near= was given but no eligible instance is in that zone, so the pick came from every zone.");

        group.MapPost("/services/{name}/leases/{lease}/release", ReleaseAsync)
            .WithName("ReleaseLease")
            .WithSummary("Return a least-connections lease")
            .WithDescription("Idempotent: releasing twice, after expiry, or after the counting silo left is a 204 too. Open like /select (it is the other half of a read).")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> SelectAsync(
        string name,
        [FromQuery, Description("round_robin (default), random, least_connections or weighted_round_robin")] string? strategy,
        [FromQuery, Description(InstanceEndpoints.TagDescription)] string[]? tag,
        [FromQuery, Description("prefer instances whose metadata.zone equals this zone; when none there is eligible, pick from all and answer X-Registry-Zone-Fallback: true")] string? near,
        SiloBalancer balancer,
        SiloServiceCache cache,
        HttpContext http)
    {
        var key = ServiceRoute.Key(http, name).GrainKey;
        var kind = QueryValues.ParseStrategy(strategy);
        var filter = FilterQuery.Parse(tag, http.Request);
        var zone = FilterQuery.ParseNear(near);

        // The silo's own balancer, without a grain call: a stateless worker would run here anyway.
        var selection = filter.IsEmpty && zone is null ? await balancer.SelectAsync(key, kind) : await balancer.SelectAsync(key, kind, filter, zone);
        if (selection is null)
        {
            return Problems.NoHealthyInstance(name, filtered: !filter.IsEmpty);
        }

        if (selection.ZoneFallback)
        {
            http.Response.Headers[RegistryHeaders.ZoneFallback] = "true";
        }

        if (selection.Lease is { } lease)
        {
            http.Response.Headers[RegistryHeaders.Lease] = LeaseTokenCodec.Encode(lease);
        }

        // The pick came from the silo's copy, which holds its JSON (a copy replaced meanwhile serializes it anew).
        var json = cache.TryGet(key, out var entry) ? entry.Current.InstanceJson(selection.Instance) : ServiceCopy.JsonOf(selection.Instance);
        return TypedResults.Bytes(json, ServiceCopy.JsonContentType);
    }

    private static async Task<IResult> ReleaseAsync(
        string name,
        [Description("the X-Registry-Lease value of the /select answer")] string lease,
        SiloBalancer balancer,
        IClusterMembershipService membership,
        ILoggerFactory loggerFactory,
        HttpContext http)
    {
        var key = ServiceRoute.Key(http, name);
        if (!LeaseTokenCodec.TryDecode(lease, out var token))
        {
            throw new HttpInputException(StatusCodes.Status400BadRequest, "Invalid lease", "lease: is not a lease token from X-Registry-Lease", "lease");
        }

        if (!string.Equals(token.ServiceName, key.GrainKey, StringComparison.Ordinal))
        {
            var opened = ServiceKey.FromGrainKey(token.ServiceName);
            throw new HttpInputException(
                StatusCodes.Status400BadRequest, "Invalid lease", $"lease: was opened on service '{opened.Name}' of namespace '{opened.Namespace}', not '{name}' of '{key.Namespace}'", "lease");
        }

        // A lease lives in the memory of the silo that counted it: when that silo is gone, so is the lease.
        if (!IsActiveSilo(membership, token.Silo))
        {
            return TypedResults.NoContent();
        }

        try
        {
            await balancer.ReleaseAsync(token);
        }
        catch (OrleansException exception)
        {
            var logger = loggerFactory.CreateLogger(typeof(SelectionEndpoints));
            LogReleaseSiloGone(logger, exception, token.Silo);
        }

        return TypedResults.NoContent();
    }

    private static bool IsActiveSilo(IClusterMembershipService membership, string siloKey)
    {
        foreach (var member in membership.CurrentSnapshot.Members.Values)
        {
            if (member.Status == SiloStatus.Active && string.Equals(SiloKey.Of(member.SiloAddress), siloKey, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
