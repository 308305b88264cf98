using System.Text.Json;
using OrleansRegistry.Contracts;
using OrleansRegistry.Grains;
using OrleansRegistry.Model;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.ClientApp.Commands;

[Collection(CliClusterCollection.Name)]
public sealed class SelectCommandTests(CliClusterFixture fixture)
{
    [Fact]
    public async Task Select_RoundRobin_AlternatesBetweenHealthyInstances()
    {
        var name = await RegisterAsync("rr", ("a", null), ("b", null));

        var picks = await PickAsync(name, LoadBalancingStrategyNames.RoundRobin, 4);

        Assert.Equal(2, picks.Count(p => p == "a"));
        Assert.Equal(2, picks.Count(p => p == "b"));
        Assert.NotEqual(picks[0], picks[1]);
    }

    [Fact]
    public async Task Select_DefaultStrategy_PrintsPickedEndpoint()
    {
        var name = await RegisterAsync("default", ("only", null));

        var result = await fixture.RunAsync("select", name);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"127.0.0.1:8080 ({name}/only, round_robin)", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Select_Random_PicksOnlyHealthyInstances()
    {
        var name = await RegisterAsync("random", ("a", null), ("b", null));
        await fixture.GrainFactory.GetGrain<IServiceGrain>(name).RegisterAsync(Instances.Create(name, "down", status: ServiceStatus.Unhealthy));

        var picks = await PickAsync(name, LoadBalancingStrategyNames.Random, 3);

        Assert.All(picks, pick => Assert.True(pick is "a" or "b", $"picked {pick}"));
    }

    [Fact]
    public async Task Select_WeightedRoundRobin_FollowsWeights()
    {
        var name = await RegisterAsync("weighted", ("heavy", 3), ("light", 1));

        var picks = await PickAsync(name, LoadBalancingStrategyNames.WeightedRoundRobin, 4);

        Assert.Equal(3, picks.Count(p => p == "heavy"));
        Assert.Equal(1, picks.Count(p => p == "light"));
    }

    [Fact]
    public async Task Select_LeastConnectionsWithHold_NextPickAvoidsHeldInstance()
    {
        var name = await RegisterAsync("lc-hold", ("a", null), ("b", null));

        var picks = await PickAsync(name, LoadBalancingStrategyNames.LeastConnections, 2, "--hold");

        Assert.NotEqual(picks[0], picks[1]);
    }

    [Fact]
    public async Task Select_LeastConnections_ReleasesItsLease()
    {
        var name = await RegisterAsync("lc-release", ("a", null), ("b", null));
        var balancer = fixture.GrainFactory.GetGrain<IBalancerGrain>(0);
        var held = await balancer.SelectAsync(name, LoadBalancingStrategy.LeastConnections);
        try
        {
            var picks = await PickAsync(name, LoadBalancingStrategyNames.LeastConnections, 2);

            // Had the first pick kept its lease, both instances would have one open and the second pick could be either.
            var free = held!.Instance.Id == "a" ? "b" : "a";
            Assert.Equal([free, free], picks);
        }
        finally
        {
            await balancer.ReleaseAsync(held!.Lease!);
        }
    }

    [Fact]
    public async Task Select_NoHealthyInstance_ExitsOne()
    {
        var name = Instances.UniqueService("none");
        await fixture.GrainFactory.GetGrain<IServiceGrain>(name).RegisterAsync(Instances.Create(name, "down", status: ServiceStatus.Unhealthy));

        var result = await fixture.RunAsync("select", name);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"no healthy instance of {name}", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Select_UnknownStrategy_ExitsTwoNamingStrategy()
    {
        var result = await fixture.RunAsync("select", "svc", "--strategy", "fastest");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("invalid input: strategy: must be one of round_robin, random, least_connections, weighted_round_robin", result.Stderr, StringComparison.Ordinal);
    }

    private async Task<string> RegisterAsync(string prefix, params (string Id, int? Weight)[] instances)
    {
        var name = Instances.UniqueService(prefix);
        foreach (var (id, weight) in instances)
        {
            await fixture.GrainFactory.GetGrain<IServiceGrain>(name).RegisterAsync(Instances.Create(name, id, weight: weight));
        }

        return name;
    }

    private async Task<List<string>> PickAsync(string name, string strategy, int count, params string[] extra)
    {
        var picks = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var result = await fixture.RunAsync(["--json", "select", name, "--strategy", strategy, .. extra]);
            Assert.True(result.ExitCode == 0, result.ToString());
            picks.Add(JsonSerializer.Deserialize(result.Stdout, RegistryJsonContext.Default.ServiceInstanceDocument)!.Id!);
        }

        return picks;
    }
}
