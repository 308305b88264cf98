using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.ClientApp.Transport;

/// <summary>Choosing the transport, and a registry that is not there: none of these reach a silo.</summary>
public sealed class TransportOptionsTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    [Theory]
    [InlineData("--gateway", "127.0.0.1:30000", "--registry", "http://127.0.0.1:8080", "services")]
    [InlineData("--registry", "http://127.0.0.1:8080", "instances", "svc", "--gateway", "127.0.0.1:30000")]
    public async Task Run_GatewayAndRegistry_UsageErrorExitsTwo(params string[] args)
    {
        var result = await CliRunner.RunAsync(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("--gateway and --registry cannot be used together", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Theory]
    [InlineData("--registry", "ftp://registry:8080", "registry URL 'ftp://registry:8080' must be an absolute http:// or https:// URL")]
    [InlineData("--registry", "registry:8080/x?y", "registry URL 'registry:8080/x?y' must be an absolute http:// or https:// URL")]
    [InlineData("--api-key", "k", "--api-key is only for --registry")]
    public async Task Run_BadTransportOption_UsageErrorExitsTwo(string option, string value, string message)
    {
        var arguments = option == "--api-key" ? new[] { "--gateway", "127.0.0.1:30000", option, value, "services" } : [option, value, "services"];

        var result = await CliRunner.RunAsync(arguments);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_BothTransportsConfigured_ExitsTwoNamingTheKeys()
    {
        var environment = new Dictionary<string, string>
        {
            ["Registry__Gateways__0"] = "127.0.0.1:30000",
            ["Registry__Client__Url"] = "http://127.0.0.1:8080",
        };

        var result = await CliRunner.RunAsync(["services"], environment);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("invalid input: Registry:Client:Url: and Registry:Gateways are both set", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("services")]
    [InlineData("register", "svc", "i-1", "--host", "10.0.0.5", "--port", "80")]
    [InlineData("watch", "svc", "--count", "1")]
    [InlineData("call", "svc", "GET", "/")]
    public async Task Run_NothingListeningAtTheRegistryUrl_ExitsThreeWithinBound(params string[] command)
    {
        var url = $"http://127.0.0.1:{FreePorts.Next()}";

        var result = await CliRunner.RunAsync(["--registry", url, .. command]);

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("registry", result.Stderr, StringComparison.Ordinal);
        Assert.True(result.Elapsed < Bound, $"took {result.Elapsed}, expected under {Bound}");
    }

    [Fact]
    public async Task Run_NothingListeningAtTheConfiguredUrl_SameExitAndMessageAsAGateway()
    {
        var url = $"http://127.0.0.1:{FreePorts.Next()}";

        var result = await CliRunner.RunAsync(["services"], new Dictionary<string, string> { ["Registry__Client__Url"] = url });

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.StartsWith($"error: cannot reach the registry at {url}/", result.Stderr, StringComparison.Ordinal);
    }
}
