using OrleansRegistry.Grains;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.ClientApp.Commands;

[Collection(CliClusterCollection.Name)]
public sealed class MaintCommandTests(CliClusterFixture fixture)
{
    [Fact]
    public async Task Maint_OnThenOff_TakesTheInstanceOutOfRotationAndBack()
    {
        var name = Instances.UniqueService("maint");
        var service = fixture.GrainFactory.GetGrain<IServiceGrain>(name);
        await service.RegisterAsync(Instances.Create(name, "i-1"));

        var on = await fixture.RunAsync("maint", "on", name, "i-1", "--reason", "kernel upgrade");

        Assert.True(on.ExitCode == 0, on.ToString());
        Assert.Contains($"{name}/i-1 is in maintenance: kernel upgrade", on.Stdout, StringComparison.Ordinal);
        var held = await service.GetInstanceAsync("i-1");
        Assert.Equal("kernel upgrade", held!.Maintenance?.Reason);
        Assert.False(held.IsSelectable);
        var listed = await fixture.RunAsync("instances", name);
        Assert.Contains("(maintenance)", listed.Stdout, StringComparison.Ordinal);

        var off = await fixture.RunAsync("maint", "off", name, "i-1", "--json");

        Assert.True(off.ExitCode == 0, off.ToString());
        Assert.Contains("\"applied\":true", off.Stdout.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Null((await service.GetInstanceAsync("i-1"))!.Maintenance);
    }

    [Fact]
    public async Task Maint_NotRegistered_ExitsOne()
    {
        var name = Instances.UniqueService("maint-none");

        var result = await fixture.RunAsync("maint", "on", name, "ghost");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("is not registered", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sideways", "svc", "i-1")]
    [InlineData("on", "svc", "i-1", "--reason", "line\nbreak")]
    [InlineData("off", "svc", "i-1", "--reason", "why")]
    public async Task Maint_BadInput_ExitsTwoWithoutCallingTheRegistry(params string[] arguments)
    {
        var result = await fixture.RunAsync(["maint", .. arguments]);

        Assert.True(result.ExitCode == 2, result.ToString());
    }
}
