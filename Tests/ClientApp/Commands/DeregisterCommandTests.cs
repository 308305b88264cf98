using OrleansRegistry.Grains;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.ClientApp.Commands;

[Collection(CliClusterCollection.Name)]
public sealed class DeregisterCommandTests(CliClusterFixture fixture)
{
    [Fact]
    public async Task Deregister_Registered_RemovesInstanceAndExitsZero()
    {
        var name = Instances.UniqueService("dereg");
        var service = fixture.GrainFactory.GetGrain<IServiceGrain>(name);
        await service.RegisterAsync(Instances.Create(name, "gone"));
        await service.RegisterAsync(Instances.Create(name, "kept"));

        var result = await fixture.RunAsync("deregister", name, "gone");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"deregistered {name}/gone", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(["kept"], (await service.GetInstancesAsync()).Select(i => i.Id));
    }

    [Fact]
    public async Task Deregister_NotRegistered_ExitsOne()
    {
        var name = Instances.UniqueService("dereg-none");

        var result = await fixture.RunAsync("--json", "deregister", name, "ghost");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("was not registered", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("\"deregistered\":false", result.Stdout, StringComparison.Ordinal);
    }
}
