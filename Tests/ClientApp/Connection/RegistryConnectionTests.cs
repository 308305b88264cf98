using OrleansRegistry.Grains;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.ClientApp.Connection;

[Collection(CliClusterCollection.Name)]
public sealed class RegistryConnectionTests(CliClusterFixture fixture)
{
    [Fact]
    public async Task Connect_GatewayFromEnvironment_UsedWhenNoOption()
    {
        var name = Instances.UniqueService("env");
        await fixture.GrainFactory.GetGrain<IServiceGrain>(name).RegisterAsync(Instances.Create(name, "i-1"));
        var environment = new Dictionary<string, string>
        {
            ["Registry__Gateways__0"] = fixture.Gateway,
            ["Orleans__ClusterId"] = fixture.ClusterId,
        };

        var result = await CliRunner.RunAsync(["instances", name], environment);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("i-1", result.RowWith("i-1")[0]);
    }

    [Fact]
    public async Task Connect_OneDeadGatewayAmongLive_StillConnects()
    {
        var result = await CliRunner.RunAsync(["--gateway", $"127.0.0.1:{FreePorts.Next()}", "--gateway", fixture.Gateway, "--cluster-id", fixture.ClusterId, "services"]);

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public async Task Connect_WrongClusterId_ExitsThreeNamingIt()
    {
        var result = await CliRunner.RunAsync(["--gateway", fixture.Gateway, "--cluster-id", "not-this-cluster", "services"]);

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains($"cannot reach the registry at {fixture.Gateway} (cluster id 'not-this-cluster')", result.Stderr, StringComparison.Ordinal);
    }
}
