using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.ClientApp.Transport;

/// <summary>The README's <c>--registry</c> examples work as written against a real silo, with <c>registry-cli</c> the built CLI.</summary>
[Collection(CliTransportsCollection.Name)]
public sealed class ReadmeCliExamplesTests(CliTransportsFixture fixture)
{
    private const string ReadmeBaseUrl = "http://localhost:8080";

    [Fact]
    public async Task Readme_CliExamples_AllSucceed()
    {
        var blocks = ReadmeExamples.Blocks("cli-examples");
        var block = Assert.Single(blocks);

        // The README's alias, as a function: a script does not expand aliases.
        var script = $"registry-cli() {{ dotnet '{CliRunner.CliPath}' \"$@\"; }}\n" + block.Replace(ReadmeBaseUrl, fixture.RegistryUrl, StringComparison.Ordinal);
        var (exitCode, output) = await ReadmeExamples.RunBashAsync(script);

        Assert.True(exitCode == 0, $"README example failed with exit code {exitCode}:\n{block}\n--- output ---\n{output}");
        Assert.Contains("registered user-service/user-1", output, StringComparison.Ordinal);
        Assert.Contains("\"host\":\"10.0.0.5\"", output, StringComparison.Ordinal);
        Assert.Contains("api-1", output, StringComparison.Ordinal);
        Assert.Contains("api at index", output, StringComparison.Ordinal);
    }
}
