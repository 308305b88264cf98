using OrleansRegistry.Caching;
using OrleansRegistry.Diagnostics;

namespace OrleansRegistry.Silo.Http;

/// <summary>A service's recent instance counts on this silo, for the registry view's plots.</summary>
internal static class ServiceHistoryEndpoints
{
    public static void MapServiceHistoryEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup(string.Empty).WithTags("history")
            .MapGet("/services/{name}/history", GetAsync)
            .WithName("GetServiceHistory")
            .WithSummary("Healthy and total instances of a service over the last 15 minutes, as this silo saw them")
            .WithDescription(
                "Samples of the silo's own copy every 10 seconds and whenever it changed (kept in memory: a restarted silo starts again), "
                + "then one of the copy at the time of the answer. An unknown service is 200 with no samples.")
            .Produces<ServiceHistoryDocument>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> GetAsync(string name, ServiceHistory history, SiloServiceCache cache, TimeProvider timeProvider, HttpContext http)
    {
        var key = ServiceRoute.Key(http, name, "name").GrainKey;
        var samples = history.Of(key).Select(ToDocument).ToList();
        var (copy, _) = await cache.ReadAsync(key);
        var now = HistorySample.Of(timeProvider.GetUtcNow(), copy.Snapshot.Instances);
        if (samples.Count > 0 || now.Total > 0)
        {
            samples.Add(ToDocument(now));
        }

        var document = new ServiceHistoryDocument(
            name, (int)ServiceHistory.SampleInterval.TotalSeconds, (int)ServiceHistory.Window.TotalSeconds, samples);
        return TypedResults.Json(document, ViewJsonContext.Default.ServiceHistoryDocument);
    }

    private static HistorySampleDocument ToDocument(HistorySample sample) => new(sample.At, sample.Healthy, sample.Total);
}
