using System.Text.Json.Nodes;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.ClientApp.Commands;

/// <summary><c>--tag</c> on register; <c>--tag</c>, <c>--meta</c> and <c>--near</c> on instances and select.</summary>
[Collection(CliClusterCollection.Name)]
public sealed class FilterOptionsTests(CliClusterFixture fixture)
{
    [Fact]
    public async Task InstancesAndSelect_TagMetaNear_KeepOnlyMatchingInstances()
    {
        var name = Instances.UniqueService("cli-filter");
        await RegisterAsync(name, "eu", "--tag", "v2", "--tag", "canary", "--tag", "v2", "--meta", "zone=eu-1");
        await RegisterAsync(name, "us", "--tag", "v2", "--meta", "zone=us-1");
        await RegisterAsync(name, "old", "--meta", "zone=eu-1");

        var listed = await fixture.RunAsync("--json", "instances", name, "--tag", "v2", "--meta", "zone=eu-1");
        var picked = await fixture.RunAsync("--json", "select", name, "--tag", "v2", "--near", "us-1");
        var fallback = await fixture.RunAsync("--json", "select", name, "--tag", "canary", "--near", "ap-1");
        var none = await fixture.RunAsync("select", name, "--tag", "missing");
        var bad = await fixture.RunAsync("instances", name, "--tag", "a b");

        Assert.True(listed.ExitCode == 0, listed.ToString());
        var eu = Assert.Single(JsonNode.Parse(listed.Stdout)!.AsArray());
        Assert.Equal("eu", (string?)eu!["id"]);
        Assert.Equal(["v2", "canary"], eu["tags"]!.AsArray().Select(tag => (string)tag!));
        Assert.Equal("us", (string?)JsonNode.Parse(picked.Stdout)!["id"]);
        Assert.Equal("eu", (string?)JsonNode.Parse(fallback.Stdout)!["id"]);
        Assert.Contains("no healthy instance in zone ap-1", fallback.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, none.ExitCode);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("tag", bad.Stderr, StringComparison.Ordinal);
    }

    private async Task RegisterAsync(string service, string id, params string[] options)
    {
        var result = await fixture.RunAsync(["register", service, id, "--host", "10.0.0.9", "--port", "8080", .. options]);
        Assert.True(result.ExitCode == 0, result.ToString());
    }
}
