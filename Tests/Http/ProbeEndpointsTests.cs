using System.Net;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Http;

[Collection(RegistryHttpCollection.Name)]
public sealed class ProbeEndpointsTests(RegistryHttpFixture fixture)
{
    [Fact]
    public async Task Healthz_ProcessAlive_Returns200()
    {
        using var response = await fixture.Client.GetAsync(RegistryHttp.Relative("/healthz"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Readyz_SiloActiveAndStorageAnswers_Returns200()
    {
        using var response = await fixture.Client.GetAsync(RegistryHttp.Relative("/readyz"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ready", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void Start_WithoutKeys_LogsThatWritesAreOpen()
    {
        Assert.Contains(fixture.Logs.Entries, entry => entry.EventId.Id == 4000 && entry.Level == Microsoft.Extensions.Logging.LogLevel.Warning);
    }
}
