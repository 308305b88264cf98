using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.ClientApp.Cli;

/// <summary>
/// Usage handling, which System.CommandLine does: none of these reach a cluster (the gateway named
/// does not exist). Usage errors exit 2 with the library's message and the usage on standard error.
/// </summary>
public sealed class CliApplicationTests
{
    private static readonly string[] Commands = ["services", "instances", "register", "deregister", "heartbeat", "define", "definition", "select", "call", "watch"];

    [Fact]
    public async Task Run_Help_PrintsLibraryHelpListingEveryCommandAndExitsZero()
    {
        var result = await CliRunner.RunAsync(["help"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Usage:\n  registry-cli [command] [options]", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("-?, -h, --help", result.Stdout, StringComparison.Ordinal);
        Assert.All(Commands, command => Assert.Contains($"\n  {command} ", result.Stdout, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("select", "--help")]
    [InlineData("select", "-h")]
    [InlineData("help", "select")]
    public async Task Run_CommandHelp_PrintsLibraryUsageOfThatCommand(string first, string second)
    {
        var result = await CliRunner.RunAsync([first, second]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("registry-cli select <SERVICE> [options]", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("--strategy <S>", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("--gateway <HOST:PORT>", result.Stdout, StringComparison.Ordinal);
        Assert.Empty(result.Stderr);
    }

    [Fact]
    public async Task Run_NoArguments_PrintsUsageOnStandardErrorAndExitsTwo()
    {
        var result = await CliRunner.RunAsync([]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Required command was not provided.", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("registry-cli [command] [options]", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("help", "frobnicate")]
    public async Task Run_UnknownCommand_ExitsTwo(params string[] args)
    {
        var result = await CliRunner.RunAsync(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("'frobnicate'", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task Run_UnknownOption_ExitsTwoWithUsageAndSendsNothing()
    {
        var result = await CliRunner.RunAsync(["--gateway", $"127.0.0.1:{FreePorts.Next()}", "services", "--colour", "blue"]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Unrecognized command or argument '--colour'.", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("registry-cli services [options]", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("cannot reach the registry", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ID", "heartbeat", "svc")]
    [InlineData("ID", "deregister", "svc")]
    [InlineData("SERVICE", "instances")]
    [InlineData("PATH", "call", "svc", "GET")]
    public async Task Run_MissingArgument_ExitsTwoNamingIt(string argument, params string[] args)
    {
        var result = await CliRunner.RunAsync(["--gateway", $"127.0.0.1:{FreePorts.Next()}", .. args]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"Required argument '{argument}' missing for command: '{args[0]}'.", result.Stderr, StringComparison.Ordinal);
        Assert.Contains($"registry-cli {args[0]} <", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MissingRequiredOption_ExitsTwoNamingIt()
    {
        var result = await CliRunner.RunAsync(["define", "svc"]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Option '--file' is required.", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_SingleValueOptionTwice_ExitsTwo()
    {
        var result = await CliRunner.RunAsync(["--cluster-id", "a", "--cluster-id", "b", "services"]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("'--cluster-id'", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no-port")]
    [InlineData("host:99999")]
    [InlineData("::1:30000")]
    public async Task Run_MalformedGateway_ExitsTwo(string gateway)
    {
        var result = await CliRunner.RunAsync(["--gateway", gateway, "services"]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"gateway '{gateway}'", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MalformedGatewayInEnvironment_ExitsTwoNamingTheKey()
    {
        var result = await CliRunner.RunAsync(["services"], new Dictionary<string, string> { ["Registry__Gateways"] = "no-port" });

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("invalid input: Registry:Gateways: gateway 'no-port'", result.Stderr, StringComparison.Ordinal);
    }
}
