using System.Text.Json;
using OrleansRegistry.Contracts;
using OrleansRegistry.Grains;
using OrleansRegistry.Model;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.ClientApp.Commands;

[Collection(CliClusterCollection.Name)]
public sealed class InstancesCommandTests(CliClusterFixture fixture)
{
    [Fact]
    public async Task Instances_RegisteredService_PrintsOneTableRowPerInstance()
    {
        var name = await RegisterTwoAsync("table");

        var result = await fixture.RunAsync("instances", name);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["ID", "HOST", "PORT", "STATUS"], result.RowWith("HOST").Take(4));
        Assert.Equal(["up", "127.0.0.1", "9001", "healthy"], result.RowWith(" up ").Take(4));
        Assert.Equal(["down", "127.0.0.1", "9002", "unhealthy"], result.RowWith(" down ").Take(4));
    }

    [Fact]
    public async Task Instances_HealthyFlag_OmitsUnhealthyInstances()
    {
        var name = await RegisterTwoAsync("healthy");

        var result = await fixture.RunAsync("instances", name, "--healthy");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(" up ", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(" down ", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Instances_Json_PrintsWireDocuments()
    {
        var name = await RegisterTwoAsync("json");

        var result = await fixture.RunAsync("--json", "instances", name);

        Assert.True(result.ExitCode == 0, result.ToString());
        var documents = JsonSerializer.Deserialize(result.Stdout, RegistryJsonContext.Default.ListServiceInstanceDocument)!;
        Assert.Equal(["down", "up"], documents.Select(d => d.Id!).Order(StringComparer.Ordinal));
        var up = documents.Single(d => d.Id == "up");
        Assert.Equal((name, "127.0.0.1", 9001, "healthy"), (up.ServiceName, up.Host, up.Port, up.Status));
        Assert.NotNull(up.CreatedAt);
    }

    [Fact]
    public async Task Instances_UnknownService_SaysNoneAndExitsZero()
    {
        var name = Instances.UniqueService("unknown");

        var result = await fixture.RunAsync("instances", name);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"no instances of {name}", result.Stdout, StringComparison.Ordinal);
    }

    private async Task<string> RegisterTwoAsync(string prefix)
    {
        var name = Instances.UniqueService(prefix);
        var service = fixture.GrainFactory.GetGrain<IServiceGrain>(name);
        await service.RegisterAsync(Instances.Create(name, "up", port: 9001));
        await service.RegisterAsync(Instances.Create(name, "down", port: 9002, status: ServiceStatus.Unhealthy));
        return name;
    }
}
