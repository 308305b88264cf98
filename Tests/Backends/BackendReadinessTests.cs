using System.Net;
using OrleansRegistry.Tests.Processes;

namespace OrleansRegistry.Tests.Backends;

/// <summary>The readiness check reads from whichever backend holds the state, and fails when it is gone.</summary>
[Collection(ProcessClusterCollection.Name)]
public sealed class BackendReadinessTests
{
    [Theory]
    [InlineData(ClusterBackend.Redis)]
    [InlineData(ClusterBackend.PostgreSql)]
    public async Task Readyz_BackendStopped_Answers503(ClusterBackend store)
    {
        await using var cluster = await ProcessCluster.StartAsync(store, 1);
        var silo = cluster.Silos[0];

        await cluster.StopServerAsync();

        await Eventually.TrueAsync(
            async () =>
            {
                using var response = await cluster.Http.GetAsync(new Uri(silo.BaseAddress, "/readyz"));
                return response.StatusCode == HttpStatusCode.ServiceUnavailable;
            },
            TimeSpan.FromSeconds(30),
            $"/readyz to answer 503 once {store} is stopped");
    }
}
