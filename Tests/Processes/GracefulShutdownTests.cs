using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OrleansRegistry.Contracts;
using Xunit.Abstractions;

namespace OrleansRegistry.Tests.Processes;

/// <summary>SIGTERM, as an orchestrator stops a silo: in-flight requests finish and the silo leaves the cluster at once.</summary>
[Collection(ProcessClusterCollection.Name)]
public sealed class GracefulShutdownTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Sigterm_FinishesInFlightRequestAndLeavesClusterBeforeFailureDetection()
    {
        // The silo says (at debug level) when a blocking query starts waiting: that is how the test knows it is in flight.
        await using var cluster = await ProcessCluster.StartAsync(2, "--Logging:LogLevel:OrleansRegistry.Silo.Http.ServiceChangeWatcher=Debug");
        var (survivor, leaving) = (cluster.Silos[0], cluster.Silos[1]);
        using var client = await cluster.ConnectClientAsync(survivor);
        var management = client.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        using (var put = await cluster.Http.PutAsJsonAsync(
            new Uri(leaving.BaseAddress, "/services/graceful/instances/a"),
            new ServiceInstanceDocument { Host = "127.0.0.1", Port = 9000, Metadata = [] },
            RegistryJsonContext.Default.ServiceInstanceDocument))
        {
            put.EnsureSuccessStatusCode();
        }

        // A blocking query is in flight on the silo when it is told to stop.
        using var listing = await cluster.Http.GetAsync(new Uri(leaving.BaseAddress, "/services/graceful"));
        var index = Assert.Single(listing.Headers.GetValues("X-Registry-Index"));
        var inFlight = cluster.Http.GetAsync(new Uri(leaving.BaseAddress, $"/services/graceful?index={index}&wait=60s"));
        await Eventually.TrueAsync(
            () => Task.FromResult(leaving.Output.Contains("Blocking query on graceful waits", StringComparison.Ordinal) || inFlight.IsCompleted),
            TimeSpan.FromSeconds(30),
            "the silo to log that the blocking query is waiting");
        Assert.False(inFlight.IsCompleted, "the blocking query must still be waiting when the silo is stopped");

        var stopping = Stopwatch.StartNew();
        await leaving.TerminateAsync();
        var exitedAfter = stopping.Elapsed;

        using var answer = await inFlight;
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(0, leaving.ExitCode);
        var hosts = await management.GetHosts(onlyActive: true);
        output.WriteLine($"silo exited {exitedAfter.TotalSeconds:F1} s after SIGTERM; the in-flight blocking query answered {(int)answer.StatusCode}; active silos now {hosts.Count}");
        Assert.Single(hosts);
    }
}
