using OrleansRegistry.Grains;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Registry;

[Collection(RegistryClusterCollection.Name)]
public sealed class ServiceCatalogGrainTests(RegistryClusterFixture fixture)
{
    private IServiceCatalogGrain Catalog => fixture.GrainFactory.GetGrain<IServiceCatalogGrain>(ServiceCatalogKey.Default);

    [Fact]
    public async Task ListAsync_ServiceWithInstance_IsListedUntilLastInstanceLeaves()
    {
        var name = Instances.UniqueService("cat");
        var service = fixture.GrainFactory.GetGrain<IServiceGrain>(name);

        await service.RegisterAsync(Instances.Create(name, "i1"));
        Assert.Contains(name, await Catalog.ListAsync());

        await service.DeregisterAsync("i1");
        Assert.DoesNotContain(name, await Catalog.ListAsync());
    }

    [Fact]
    public async Task ListAsync_ServiceWithDefinitionOnly_IsListed()
    {
        var name = Instances.UniqueService("cat-def");

        await fixture.GrainFactory.GetGrain<IServiceGrain>(name).PutDefinitionAsync(Definitions.Create(name));

        Assert.Contains(name, await Catalog.ListAsync());
    }

    [Fact]
    public async Task GetSummariesAsync_SortedWithCounts()
    {
        var prefix = Instances.UniqueService("sum");
        var names = new[] { $"{prefix}-b", $"{prefix}-a" };
        await fixture.GrainFactory.GetGrain<IServiceGrain>(names[0]).RegisterAsync(Instances.Create(names[0], "x"));
        await fixture.GrainFactory.GetGrain<IServiceGrain>(names[1]).RegisterAsync(Instances.Create(names[1], "x"));
        await fixture.GrainFactory.GetGrain<IServiceGrain>(names[1]).RegisterAsync(Instances.Create(names[1], "y", status: Model.ServiceStatus.Unhealthy));

        var summaries = (await Catalog.GetSummariesAsync()).Where(s => s.Name.StartsWith(prefix, StringComparison.Ordinal)).ToArray();

        Assert.Equal([$"{prefix}-a", $"{prefix}-b"], summaries.Select(s => s.Name));
        Assert.Equal((2, 1), (summaries[0].Instances, summaries[0].Healthy));
        Assert.Equal((1, 1), (summaries[1].Instances, summaries[1].Healthy));
        var all = await Catalog.ListAsync();
        Assert.Equal(all.Order(StringComparer.Ordinal), all);
    }
}
