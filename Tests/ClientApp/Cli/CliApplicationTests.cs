using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.ClientApp.Cli;

/// <summary>Usage handling: none of these reach a cluster (the gateway named does not exist).</summary>
public sealed class CliApplicationTests
{
    private static readonly string[] Commands = ["services", "instances", "register", "deregister", "heartbeat", "define", "definition", "select"];

    [Fact]
    public async Task Run_Help_ListsEveryCommandAndExitsZero()
    {
        var result = await CliRunner.RunAsync(["help"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.All(Commands, command => Assert.Contains($"\n  {command}", result.Stdout, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_NoArguments_PrintsUsageAndExitsTwo()
    {
        var result = await CliRunner.RunAsync([]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("usage: registry-cli", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnknownCommand_ExitsTwo()
    {
        var result = await CliRunner.RunAsync(["frobnicate"]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("unknown command 'frobnicate'", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_CommandHelp_PrintsItsUsage()
    {
        var result = await CliRunner.RunAsync(["select", "--help"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("select SERVICE [--strategy", result.Stdout, StringComparison.Ordinal);
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
    public async Task Run_MissingArgument_ExitsTwoWithUsage()
    {
        var result = await CliRunner.RunAsync(["heartbeat", "svc"]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("missing ID", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("usage: registry-cli", result.Stderr, StringComparison.Ordinal);
    }
}
