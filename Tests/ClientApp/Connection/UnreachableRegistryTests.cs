using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.ClientApp.Connection;

/// <summary>No cluster at all: these run outside the CLI cluster's collection.</summary>
public sealed class UnreachableRegistryTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Connect_NothingListening_ExitsThreeWithinBound()
    {
        var gateway = $"127.0.0.1:{FreePorts.Next()}";

        var result = await CliRunner.RunAsync(["--gateway", gateway, "services"]);

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.StartsWith($"error: cannot reach the registry at {gateway}", result.Stderr, StringComparison.Ordinal);
        Assert.True(result.Elapsed < Bound, $"took {result.Elapsed}, expected under {Bound}");
    }

    [Fact]
    public async Task Connect_UnresolvableHost_ExitsThree()
    {
        var result = await CliRunner.RunAsync(["--gateway", "registry.invalid:30000", "services"]);

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("cannot reach the registry at registry.invalid:30000", result.Stderr, StringComparison.Ordinal);
        Assert.True(result.Elapsed < Bound, $"took {result.Elapsed}, expected under {Bound}");
    }
}
