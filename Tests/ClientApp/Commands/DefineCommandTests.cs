using System.Text.Json;
using OrleansRegistry.Contracts;
using OrleansRegistry.Grains;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.ClientApp.Commands;

[Collection(CliClusterCollection.Name)]
public sealed class DefineCommandTests(CliClusterFixture fixture) : IDisposable
{
    private const string DefinitionJson = """
        {
          "version": "2.0.1",
          "description": "orders of the fleet",
          "endpoints": [
            {
              "path": "/orders/{id}",
              "method": "GET",
              "description": "one order",
              "parameters": [{ "name": "id", "param_type": "string", "required": true, "description": "order id" }]
            }
          ],
          "dependencies": ["user-service"],
          "config": { "db": { "pool": 5 }, "retries": 3 }
        }
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("registry-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Define_FromFile_DefinitionShowsIt()
    {
        var name = Instances.UniqueService("def");
        var file = Write("definition.json", DefinitionJson);

        var define = await fixture.RunAsync("define", name, "--file", file);
        var shown = await fixture.RunAsync("definition", name);
        var json = await fixture.RunAsync("--json", "definition", name);

        Assert.True(define.ExitCode == 0, define.ToString());
        Assert.Contains($"stored the definition of {name} (version 2.0.1", define.Stdout, StringComparison.Ordinal);
        Assert.True(shown.ExitCode == 0, shown.ToString());
        Assert.Contains("orders of the fleet", shown.Stdout, StringComparison.Ordinal);
        Assert.Equal(["GET", "/orders/{id}", "one order", "id: string"], shown.RowWith("/orders/{id}"));
        Assert.Equal(["db", "{\"pool\":5}"], shown.RowWith("pool"));
        Assert.True(json.ExitCode == 0, json.ToString());
        var document = JsonSerializer.Deserialize(json.Stdout, RegistryJsonContext.Default.ServiceDefinitionDocument)!;
        Assert.Equal((name, "2.0.1", "user-service"), (document.Name, document.Version, document.Dependencies?.Single()));
        Assert.Equal(3, document.Config!["retries"].GetInt32());
        Assert.Equal("order id", document.Endpoints!.Single()!.Parameters!.Single()!.Description);
    }

    [Fact]
    public async Task Define_FromStandardInput_Stored()
    {
        var name = Instances.UniqueService("def-stdin");

        var result = await CliRunner.RunAsync(["--gateway", fixture.Gateway, "--cluster-id", fixture.ClusterId, "define", name, "--file", "-"], standardInput: DefinitionJson);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("2.0.1", (await fixture.GrainFactory.GetGrain<IServiceGrain>(name).GetDefinitionAsync())?.Version);
    }

    [Theory]
    [InlineData("endpoints[0].path", """{ "endpoints": [{ "path": "orders", "method": "GET" }] }""")]
    [InlineData("endpoints[0].parameters[0].required", """{ "endpoints": [{ "path": "/o", "method": "GET", "parameters": [{ "name": "id", "param_type": "string", "required": "yes" }] }] }""")]
    [InlineData("dependencies[0]", """{ "dependencies": ["no spaces allowed"] }""")]
    [InlineData("name", """{ "name": "another-service" }""")]
    [InlineData("version", "{ \"version\": ")]
    [InlineData("definition", "not json")]
    public async Task Define_InvalidDefinition_ExitsTwoNamingFieldAndStoresNothing(string field, string json)
    {
        var name = Instances.UniqueService("def-bad");
        var file = Write("bad.json", json);

        var result = await fixture.RunAsync("define", name, "--file", file);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith($"invalid input: {field}: ", result.Stderr, StringComparison.Ordinal);
        Assert.Null(await fixture.GrainFactory.GetGrain<IServiceGrain>(name).GetDefinitionAsync());
    }

    [Fact]
    public async Task Define_MissingFile_ExitsTwoNamingFile()
    {
        var result = await fixture.RunAsync("define", "svc", "--file", Path.Combine(_directory, "absent.json"));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("invalid input: file: cannot read", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Definition_NoneStored_ExitsOne()
    {
        var result = await fixture.RunAsync("definition", Instances.UniqueService("def-none"));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("has no definition", result.Stderr, StringComparison.Ordinal);
    }

    private string Write(string fileName, string content)
    {
        var path = Path.Combine(_directory, fileName);
        File.WriteAllText(path, content);
        return path;
    }
}
