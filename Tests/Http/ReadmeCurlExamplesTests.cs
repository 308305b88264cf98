using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Http;

/// <summary>The README's curl examples work as written against a real silo.</summary>
[Collection(RegistryHttpCollection.Name)]
public sealed class ReadmeCurlExamplesTests(RegistryHttpFixture fixture)
{
    private const string ReadmeBaseUrl = "http://localhost:8080";

    [Fact]
    public async Task Readme_CurlExamples_AllSucceed()
    {
        var blocks = ReadmeExamples.Blocks("curl-examples");
        Assert.True(blocks.Count >= 4, $"found {blocks.Count} bash blocks between the curl-examples markers");
        var baseUrl = fixture.BaseAddress.ToString().TrimEnd('/');

        foreach (var block in blocks)
        {
            Assert.Contains(ReadmeBaseUrl, block, StringComparison.Ordinal);
            var (exitCode, output) = await ReadmeExamples.RunBashAsync(block.Replace(ReadmeBaseUrl, baseUrl, StringComparison.Ordinal));
            Assert.True(exitCode == 0, $"README example failed with exit code {exitCode}:\n{block}\n--- output ---\n{output}");
        }
    }
}
