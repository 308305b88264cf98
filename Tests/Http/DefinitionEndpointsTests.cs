using System.Net;
using System.Text.Json.Nodes;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Http;

[Collection(RegistryHttpCollection.Name)]
public sealed class DefinitionEndpointsTests(RegistryHttpFixture fixture)
{
    [Fact]
    public async Task Put_Definition_Returns200AndGetReturnsItUnchanged()
    {
        var service = Instances.UniqueService("definition");
        var definition = $$$"""
            {"name":"{{{service}}}","version":"1.2.3","description":"users",
             "endpoints":[{"path":"/users/{id}","method":"GET","description":"one user",
                           "parameters":[{"name":"id","param_type":"string","required":true,"description":"user id"}]}],
             "dependencies":["auth"],
             "config":{"pool":{"size":5,"tags":["a",null,true]},"ratio":0.5,"name":"x"}}
            """;

        using var put = await fixture.Client.PutAsync($"/services/{service}/definition", definition);
        var (status, stored, get) = await fixture.Client.GetJsonAsync($"/services/{service}/definition");
        get.Dispose();

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(definition), stored), stored!.ToJsonString());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(await put.Content.ReadAsStringAsync()), stored));
    }

    [Fact]
    public async Task Put_DefinitionWithoutName_TakesTheNameFromThePath()
    {
        var service = Instances.UniqueService("definition");

        using var put = await fixture.Client.PutAsync($"/services/{service}/definition", """{"version":"1","description":"","endpoints":[],"dependencies":[],"config":{}}""");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(service, (string?)JsonNode.Parse(await put.Content.ReadAsStringAsync())!["name"]);
    }

    [Fact]
    public async Task Get_NoDefinition_Returns404Problem()
    {
        using var response = await fixture.Client.GetAsync(RegistryHttp.Relative($"/services/{Instances.UniqueService("none")}/definition"));

        await RegistryHttp.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }
}
