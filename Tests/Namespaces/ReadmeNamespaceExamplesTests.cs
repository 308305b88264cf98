using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Namespaces;

/// <summary>The README's namespace examples work as written against a real silo.</summary>
[Collection(RegistryHttpCollection.Name)]
public sealed class ReadmeNamespaceExamplesTests(RegistryHttpFixture fixture)
{
    private const string ReadmeBaseUrl = "http://localhost:8080";

    [Fact]
    public async Task Readme_NamespaceExamples_AllSucceed()
    {
        var blocks = ReadmeExamples.Blocks("namespace-examples");
        Assert.Equal(2, blocks.Count);
        var baseUrl = fixture.BaseAddress.ToString().TrimEnd('/');
        var outputs = new List<string>();

        foreach (var block in blocks)
        {
            var (exitCode, output) = await ReadmeExamples.RunBashAsync(block.Replace(ReadmeBaseUrl, baseUrl, StringComparison.Ordinal));
            Assert.True(exitCode == 0, $"README example failed with exit code {exitCode}:\n{block}\n--- output ---\n{output}");
            outputs.Add(output);
        }

        Assert.Contains("\"host\":\"10.0.1.5\"", outputs[0], StringComparison.Ordinal);
        Assert.Contains("\"host\":\"10.0.2.5\"", outputs[0], StringComparison.Ordinal);
        Assert.Contains("{\"name\":\"payments\",\"services\":1}", outputs[0], StringComparison.Ordinal);
        Assert.Contains("{\"name\":\"ledger\",\"instances\":1,\"healthy\":1}", outputs[1], StringComparison.Ordinal);
    }
}
