using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace OrleansRegistry.Tests.Processes;

/// <summary>How fast the tuned membership removes a crashed and a hung silo (real processes, Azurite clustering).</summary>
[Collection(ProcessClusterCollection.Name)]
public sealed class MembershipDetectionTests(ITestOutputHelper output)
{
    [Fact]
    public async Task DeadAndHungSilos_AreDeclaredDeadWithinRegistryBudgets()
    {
        await using var cluster = await ProcessCluster.StartAsync(4);
        using var client = await cluster.ConnectClientAsync(cluster.Silos[0]);
        var management = client.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        await WaitForActiveAsync(management, 4, TimeSpan.FromSeconds(30));

        var crash = Stopwatch.StartNew();
        await cluster.Silos[3].KillAsync();
        await WaitForActiveAsync(management, 3, TimeSpan.FromSeconds(30));
        var crashDetection = crash.Elapsed;

        var hang = Stopwatch.StartNew();
        await cluster.Silos[2].SignalAsync("STOP");
        await WaitForActiveAsync(management, 2, TimeSpan.FromSeconds(60));
        var hangDetection = hang.Elapsed;

        output.WriteLine($"crashed silo (kill -9) declared dead after {crashDetection.TotalSeconds:F1} s; hung silo (SIGSTOP) after {hangDetection.TotalSeconds:F1} s");
        Assert.True(crashDetection <= TimeSpan.FromSeconds(10), $"a crashed silo took {crashDetection.TotalSeconds:F1} s to be declared dead");
        Assert.True(hangDetection <= TimeSpan.FromSeconds(30), $"a hung silo took {hangDetection.TotalSeconds:F1} s to be declared dead");
    }

    private static Task WaitForActiveAsync(IManagementGrain management, int count, TimeSpan deadline) =>
        Eventually.TrueAsync(async () => (await management.GetHosts(onlyActive: true)).Count == count, deadline, $"{count} active silos");
}
