using System.Text.Json;
using OrleansRegistry.Contracts;
using OrleansRegistry.Grains;
using OrleansRegistry.Model;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.ClientApp.Commands;

[Collection(CliClusterCollection.Name)]
public sealed class ServicesCommandTests(CliClusterFixture fixture)
{
    [Fact]
    public async Task Services_RegisteredService_ListedWithCounts()
    {
        var name = Instances.UniqueService("listed");
        await fixture.GrainFactory.GetGrain<IServiceGrain>(name).RegisterAsync(Instances.Create(name, "up"));
        await fixture.GrainFactory.GetGrain<IServiceGrain>(name).RegisterAsync(Instances.Create(name, "down", status: ServiceStatus.Unhealthy));

        var table = await fixture.RunAsync("services");
        var json = await fixture.RunAsync("--json", "services");

        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Equal([name, "2", "1"], table.RowWith(name));
        Assert.True(json.ExitCode == 0, json.ToString());
        var summaries = JsonSerializer.Deserialize(json.Stdout, RegistryJsonContext.Default.ListServiceSummaryDocument)!;
        Assert.Contains(new ServiceSummaryDocument(name, 2, 1), summaries);
    }
}
