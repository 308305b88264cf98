using System.Text.Json;
using OrleansRegistry.Contracts;
using OrleansRegistry.Grains;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Namespaces;

/// <summary>The CLI's <c>--namespace</c>/<c>-n</c>: each command addresses the service of that namespace only.</summary>
[Collection(CliClusterCollection.Name)]
public sealed class NamespaceCliTests(CliClusterFixture fixture)
{
    [Fact]
    public async Task Commands_SameNameInTwoNamespaces_NeverCross()
    {
        var (blue, name) = ($"blue-{Guid.NewGuid():N}", Instances.UniqueService("cli-ns"));
        var definition = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(definition, """{"version":"3.0.0","description":"blue one"}""");
            var register = await fixture.RunAsync("--namespace", blue, "register", name, "b-1", "--host", "127.0.0.5", "--port", "81");
            var registerDefault = await fixture.RunAsync("register", name, "d-1", "--host", "127.0.0.6", "--port", "82");
            var define = await fixture.RunAsync("-n", blue, "define", name, "--file", definition);

            Assert.True(register.ExitCode == 0, register.ToString());
            Assert.True(registerDefault.ExitCode == 0, registerDefault.ToString());
            Assert.True(define.ExitCode == 0, define.ToString());
            Assert.Equal(["b-1"], (await fixture.GrainFactory.GetGrain<IServiceGrain>(new ServiceKey(blue, name).GrainKey).GetInstancesAsync()).Select(i => i.Id));
            Assert.Equal(["d-1"], (await fixture.GrainFactory.GetGrain<IServiceGrain>(name).GetInstancesAsync()).Select(i => i.Id));
            Assert.Null(await fixture.GrainFactory.GetGrain<IServiceGrain>(name).GetDefinitionAsync());

            var instances = await fixture.RunAsync("--json", "-n", blue, "instances", name);
            var select = await fixture.RunAsync("--json", "select", name, "-n", blue);
            var services = await fixture.RunAsync("--json", "-n", blue, "services");
            var shown = await fixture.RunAsync("--json", "-n", blue, "definition", name);
            var deregister = await fixture.RunAsync("-n", blue, "deregister", name, "b-1");

            Assert.Equal(["b-1"], JsonSerializer.Deserialize(instances.Stdout, RegistryJsonContext.Default.ListServiceInstanceDocument)!.Select(i => i.Id));
            Assert.Contains("\"b-1\"", select.Stdout, StringComparison.Ordinal);
            var listed = JsonSerializer.Deserialize(services.Stdout, RegistryJsonContext.Default.ListServiceSummaryDocument)!;
            Assert.Equal([new ServiceSummaryDocument(name, 1, 1)], listed);
            Assert.Contains("3.0.0", shown.Stdout, StringComparison.Ordinal);
            Assert.True(deregister.ExitCode == 0, deregister.ToString());
            Assert.Empty(await fixture.GrainFactory.GetGrain<IServiceGrain>(new ServiceKey(blue, name).GrainKey).GetInstancesAsync());
            Assert.Equal(["d-1"], (await fixture.GrainFactory.GetGrain<IServiceGrain>(name).GetInstancesAsync()).Select(i => i.Id));
        }
        finally
        {
            File.Delete(definition);
        }
    }

    [Fact]
    public async Task Namespace_Invalid_IsRefusedAsInvalidInput()
    {
        var result = await fixture.RunAsync("-n", "bad:ns", "instances", "svc");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("namespace", result.Stderr, StringComparison.Ordinal);
    }
}
