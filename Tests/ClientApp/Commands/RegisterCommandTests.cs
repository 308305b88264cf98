using System.Text.Json;
using OrleansRegistry.Contracts;
using OrleansRegistry.Grains;
using OrleansRegistry.Model;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.ClientApp.Commands;

[Collection(CliClusterCollection.Name)]
public sealed class RegisterCommandTests(CliClusterFixture fixture)
{
    [Fact]
    public async Task Register_EveryOption_StoredAndListedByInstances()
    {
        var name = Instances.UniqueService("reg");

        var register = await fixture.RunAsync(
            "register", name, "i-1", "--host", "127.0.0.3", "--port", "8443", "--status", "Starting",
            "--meta", "zone=eu-1", "--meta", "team=core", "--weight", "7", "--ttl", "1m30s");
        // The registry probes a health URL at once, which would move the status on; check it on a second instance.
        var probed = await fixture.RunAsync("register", name, "i-2", "--host", "127.0.0.3", "--port", "8443", "--health-url", "http://127.0.0.3:8443/health");
        var table = await fixture.RunAsync("instances", name);
        var json = await fixture.RunAsync("--json", "instances", name);

        Assert.True(register.ExitCode == 0, register.ToString());
        Assert.Contains($"registered {name}/i-1", register.Stdout, StringComparison.Ordinal);
        var stored = await fixture.GrainFactory.GetGrain<IServiceGrain>(name).GetInstanceAsync("i-1");
        Assert.NotNull(stored);
        Assert.Equal(("127.0.0.3", 8443, ServiceStatus.Starting, 7), (stored.Host, stored.Port, stored.Status, stored.Weight));
        Assert.Equal("eu-1", stored.Metadata["zone"]);
        Assert.Equal("core", stored.Metadata["team"]);
        Assert.True(probed.ExitCode == 0, probed.ToString());
        Assert.Equal("http://127.0.0.3:8443/health", (await fixture.GrainFactory.GetGrain<IServiceGrain>(name).GetInstanceAsync("i-2"))?.HealthCheckUrl);
        Assert.Equal(TimeSpan.FromSeconds(90), stored.Check?.Ttl);

        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Equal(["i-1", "127.0.0.3", "8443", "starting", "7"], table.RowWith("i-1").Take(5));
        var document = JsonSerializer.Deserialize(json.Stdout, RegistryJsonContext.Default.ListServiceInstanceDocument)!.Single(d => d.Id == "i-1");
        Assert.Equal(("i-1", "starting", "1m30s"), (document.Id, document.Status, document.Check?.Ttl));
    }

    [Fact]
    public async Task Register_Json_PrintsStoredDocument()
    {
        var name = Instances.UniqueService("regjson");

        var result = await fixture.RunAsync("--json", "register", name, "a", "--host", "svc.internal", "--port", "80");

        Assert.True(result.ExitCode == 0, result.ToString());
        var document = JsonSerializer.Deserialize(result.Stdout, RegistryJsonContext.Default.ServiceInstanceDocument)!;
        Assert.Equal(("a", name, "svc.internal", 80, "healthy"), (document.Id, document.ServiceName, document.Host, document.Port, document.Status));
        Assert.NotNull(document.LastHeartbeat);
    }

    [Theory]
    [InlineData("port", "--host", "10.0.0.1", "--port", "70000")]
    [InlineData("port", "--host", "10.0.0.1", "--port", "eighty")]
    [InlineData("host", "--port", "80")]
    [InlineData("host", "--host", "999.1.1.1", "--port", "80")]
    [InlineData("status", "--host", "10.0.0.1", "--port", "80", "--status", "sleeping")]
    [InlineData("health_check_url", "--host", "10.0.0.1", "--port", "80", "--health-url", "ftp://10.0.0.1/health")]
    [InlineData("metadata.weight", "--host", "10.0.0.1", "--port", "80", "--weight", "0")]
    [InlineData("metadata", "--host", "10.0.0.1", "--port", "80", "--meta", "novalue")]
    [InlineData("check.ttl", "--host", "10.0.0.1", "--port", "80", "--ttl", "forever")]
    public async Task Register_InvalidOption_ExitsTwoNamingFieldAndStoresNothing(string field, params string[] options)
    {
        var name = Instances.UniqueService("bad");

        var result = await fixture.RunAsync(["register", name, "i-1", .. options]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith($"invalid input: {field}: ", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(await fixture.GrainFactory.GetGrain<IServiceGrain>(name).GetInstancesAsync());
        Assert.DoesNotContain(name, await fixture.GrainFactory.GetGrain<IServiceCatalogGrain>(ServiceCatalogKey.Default).ListAsync());
    }

    [Theory]
    [InlineData("service_name", "bad name!", "i-1")]
    [InlineData("id", "good-name", "-starts-with-dash")]
    public async Task Register_InvalidNameOrId_ExitsTwoNamingField(string field, string service, string id)
    {
        var result = await fixture.RunAsync("register", "--host", "10.0.0.1", "--port", "80", "--", service, id);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith($"invalid input: {field}: ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_UnknownOption_ExitsTwoWithUsage()
    {
        var result = await fixture.RunAsync("register", "svc", "i-1", "--host", "10.0.0.1", "--port", "80", "--colour", "blue");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Unrecognized command or argument '--colour'.", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("registry-cli register <SERVICE> <ID> [options]", result.Stderr, StringComparison.Ordinal);
    }
}
