using System.Text.Json;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.ClientApp.Transport;

/// <summary>
/// Every command, one body for both transports: the CLI reaches the same silo through its gateway
/// (<c>--gateway</c>) or its HTTP API (<c>--registry</c>), and must print and exit the same way.
/// </summary>
[Collection(CliTransportsCollection.Name)]
public sealed class TransportCommandTests(CliTransportsFixture fixture)
{
    [Theory]
    [InlineData(CliTransport.Gateway)]
    [InlineData(CliTransport.Registry)]
    public async Task Commands_InstanceLifecycle_SameOutcomeOverEitherTransport(CliTransport transport)
    {
        var name = Instances.UniqueService($"life-{transport}".ToLowerInvariant());

        var registered = await fixture.RunAsync(transport, "register", name, "i-1", "--host", "10.0.0.5", "--port", "8080", "--tag", "v2", "--meta", "zone=eu-1", "--weight", "3");
        Assert.True(registered.ExitCode == 0, registered.ToString());
        Assert.Contains($"registered {name}/i-1", registered.Stdout, StringComparison.Ordinal);
        Assert.True((await fixture.RunAsync(transport, "register", name, "i-2", "--host", "10.0.0.6", "--port", "8080")).ExitCode == 0);

        var listed = await fixture.RunAsync(transport, "--json", "instances", name, "--tag", "v2");
        Assert.True(listed.ExitCode == 0, listed.ToString());
        using (var instances = JsonDocument.Parse(listed.Stdout))
        {
            var only = Assert.Single(instances.RootElement.EnumerateArray());
            Assert.Equal("i-1", only.GetProperty("id").GetString());
            Assert.Equal("eu-1", only.GetProperty("metadata").GetProperty("zone").GetString());
            Assert.Equal("3", only.GetProperty("metadata").GetProperty("weight").GetString());
        }

        var services = await fixture.RunAsync(transport, "services");
        Assert.True(services.ExitCode == 0, services.ToString());
        Assert.Equal([name, "2", "2"], services.RowWith(name));

        var picked = await fixture.RunAsync(transport, "--json", "select", name, "--meta", "zone=eu-1");
        Assert.True(picked.ExitCode == 0, picked.ToString());
        Assert.Contains("\"id\":\"i-1\"", picked.Stdout, StringComparison.Ordinal);

        var leased = await fixture.RunAsync(transport, "select", name, "--strategy", "least_connections");
        Assert.True(leased.ExitCode == 0, leased.ToString());
        Assert.Contains("lease ", leased.Stdout, StringComparison.Ordinal);
        Assert.Contains(" released", leased.Stdout, StringComparison.Ordinal);

        var renewed = await fixture.RunAsync(transport, "heartbeat", name, "i-1");
        Assert.True(renewed.ExitCode == 0, renewed.ToString());
        Assert.Contains($"heartbeat renewed for {name}/i-1", renewed.Stdout, StringComparison.Ordinal);

        var on = await fixture.RunAsync(transport, "maint", "on", name, "i-1", "--reason", "kernel upgrade");
        Assert.True(on.ExitCode == 0, on.ToString());
        Assert.Contains($"{name}/i-1 is in maintenance: kernel upgrade", on.Stdout, StringComparison.Ordinal);
        var inMaintenance = await fixture.RunAsync(transport, "select", name, "--tag", "v2");
        Assert.True(inMaintenance.ExitCode == 1, inMaintenance.ToString());
        Assert.Contains($"no healthy instance of {name} that the filter keeps", inMaintenance.Stderr, StringComparison.Ordinal);
        Assert.Contains("(maintenance)", (await fixture.RunAsync(transport, "instances", name)).Stdout, StringComparison.Ordinal);

        var off = await fixture.RunAsync(transport, "maint", "off", name, "i-1");
        Assert.True(off.ExitCode == 0, off.ToString());
        Assert.Contains($"{name}/i-1 is back in rotation", off.Stdout, StringComparison.Ordinal);
        Assert.True((await fixture.RunAsync(transport, "select", name, "--tag", "v2")).ExitCode == 0);

        var removed = await fixture.RunAsync(transport, "deregister", name, "i-1");
        Assert.True(removed.ExitCode == 0, removed.ToString());
        Assert.Contains($"deregistered {name}/i-1", removed.Stdout, StringComparison.Ordinal);

        var again = await fixture.RunAsync(transport, "deregister", name, "i-1");
        Assert.True(again.ExitCode == 1, again.ToString());
        Assert.Contains($"{name}/i-1 was not registered", again.Stderr, StringComparison.Ordinal);
        var gone = await fixture.RunAsync(transport, "heartbeat", name, "i-1");
        Assert.True(gone.ExitCode == 1, gone.ToString());
        Assert.True((await fixture.RunAsync(transport, "maint", "on", name, "i-1")).ExitCode == 1);
        Assert.Contains("no instances", (await fixture.RunAsync(transport, "instances", name, "--tag", "v2")).Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CliTransport.Gateway)]
    [InlineData(CliTransport.Registry)]
    public async Task Define_ThenDefinition_RoundTripsOverEitherTransport(CliTransport transport)
    {
        var name = Instances.UniqueService($"def-{transport}".ToLowerInvariant());
        var missing = await fixture.RunAsync(transport, "definition", name);
        Assert.True(missing.ExitCode == 1, missing.ToString());
        Assert.Contains($"{name} has no definition", missing.Stderr, StringComparison.Ordinal);

        var definition = """
            {"version":"1.2.0","description":"users","endpoints":[{"path":"/users/{id}","method":"GET","description":"one user",
             "parameters":[{"name":"id","param_type":"string","required":true,"description":"the id"}]}],
             "dependencies":["db"],"config":{"pool":{"size":5}}}
            """;
        var defined = await CliRunner.RunAsync([.. fixture.Options(transport), "define", name, "--file", "-"], standardInput: definition);
        Assert.True(defined.ExitCode == 0, defined.ToString());
        Assert.Contains($"stored the definition of {name} (version 1.2.0, 1 endpoints)", defined.Stdout, StringComparison.Ordinal);

        var shown = await fixture.RunAsync(transport, "--json", "definition", name);
        Assert.True(shown.ExitCode == 0, shown.ToString());
        using var document = JsonDocument.Parse(shown.Stdout);
        Assert.Equal(name, document.RootElement.GetProperty("name").GetString());
        Assert.Equal("/users/{id}", document.RootElement.GetProperty("endpoints")[0].GetProperty("path").GetString());
        Assert.Equal(5, document.RootElement.GetProperty("config").GetProperty("pool").GetProperty("size").GetInt32());
    }

    [Theory]
    [InlineData(CliTransport.Gateway)]
    [InlineData(CliTransport.Registry)]
    public async Task Watch_Registration_SeenOverEitherTransport(CliTransport transport)
    {
        var name = Instances.UniqueService($"watch-{transport}".ToLowerInvariant());
        Assert.True((await fixture.RunAsync(transport, "register", name, "first", "--host", "10.0.0.5", "--port", "80")).ExitCode == 0);

        // The watch prints the initial table, then the next change, and stops (--count 2). It may
        // subscribe after some registrations: keep registering until it is done.
        var watch = fixture.RunAsync(transport, "watch", name, "--count", "2");
        var added = 0;
        await Eventually.TrueAsync(
            async () =>
            {
                if (!watch.IsCompleted)
                {
                    var registered = await fixture.RunAsync(transport, "register", name, $"later-{added++}", "--host", "10.0.0.6", "--port", "80");
                    Assert.True(registered.ExitCode == 0, registered.ToString());
                }

                return watch.IsCompleted;
            },
            TimeSpan.FromSeconds(60),
            "the watch to print the initial table and one change, then exit");
        var result = await watch;

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches($@"{name} at index \d+: \d+ instances", result.Stdout);
        Assert.Equal("first", result.RowWith("first")[0]);
        Assert.Matches(@"\n  \+ later-\d+ 10\.0\.0\.6:80 healthy", result.Stdout);
    }

    [Theory]
    [InlineData(CliTransport.Gateway)]
    [InlineData(CliTransport.Registry)]
    public async Task Namespace_Option_KeepsEveryCommandInItsNamespace(CliTransport transport)
    {
        var name = Instances.UniqueService("api");
        var (blue, green) = ($"blue-{transport}".ToLowerInvariant(), $"green-{transport}".ToLowerInvariant());
        await using var backend = await HttpBackend.StartAsync("green-1");
        Assert.True((await fixture.RunAsync(transport, "-n", blue, "register", name, "blue-1", "--host", "10.0.1.5", "--port", "8080")).ExitCode == 0);
        var port = backend.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True((await fixture.RunAsync(transport, "-n", green, "register", name, "green-1", "--host", "127.0.0.1", "--port", port)).ExitCode == 0);

        var inBlue = await fixture.RunAsync(transport, "--namespace", blue, "--json", "instances", name);
        Assert.True(inBlue.ExitCode == 0, inBlue.ToString());
        Assert.Contains("\"id\":\"blue-1\"", inBlue.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("green-1", inBlue.Stdout, StringComparison.Ordinal);
        Assert.Contains("green-1", (await fixture.RunAsync(transport, "-n", green, "select", name)).Stdout, StringComparison.Ordinal);
        Assert.Contains("no services registered", (await fixture.RunAsync(transport, "-n", $"empty-{transport}".ToLowerInvariant(), "services")).Stdout, StringComparison.Ordinal);
        Assert.Contains("no instances", (await fixture.RunAsync(transport, "instances", name)).Stdout, StringComparison.Ordinal);

        // call and watch go through the client library, which addresses the namespace too.
        var called = await fixture.RunAsync(transport, "-n", green, "call", name, "GET", "/whoami");
        Assert.True(called.ExitCode == 0, called.ToString());
        Assert.Contains("200 OK from green-1", called.Stdout, StringComparison.Ordinal);
        var watched = await fixture.RunAsync(transport, "-n", blue, "watch", name, "--count", "1");
        Assert.True(watched.ExitCode == 0, watched.ToString());
        Assert.Contains("blue-1", watched.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("green-1", watched.Stdout, StringComparison.Ordinal);

        Assert.True((await fixture.RunAsync(transport, "-n", green, "deregister", name, "blue-1")).ExitCode == 1);
    }

    [Theory]
    [InlineData(CliTransport.Gateway)]
    [InlineData(CliTransport.Registry)]
    public async Task Register_RefusedByTheRegistry_ExitsTwoWithItsMessage(CliTransport transport)
    {
        // The CLI's own checks pass; only the registry knows which hosts a health URL may name.
        var name = Instances.UniqueService("refused");

        var result = await fixture.RunAsync(transport, "register", name, "i-1", "--host", "10.0.0.5", "--port", "8080", "--health-url", "http://10.0.0.99/health");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith(
            "invalid input: health_check_url: host '10.0.0.99' is neither the instance's host '10.0.0.5' nor allowed by Registry:HealthCheck:AllowedHosts",
            result.Stderr,
            StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
        Assert.Contains("no instances", (await fixture.RunAsync(transport, "instances", name)).Stdout, StringComparison.Ordinal);
    }
}
