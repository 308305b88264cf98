using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Http;

/// <summary>The README's keys and maintenance curl examples work as written against a silo with the keys the README configures.</summary>
[Collection(ProtectedReadsKeysHttpCollection.Name)]
public sealed class ReadmeKeysCurlExamplesTests(ProtectedReadsKeysHttpFixture fixture)
{
    private const string ReadmeBaseUrl = "http://localhost:8080";

    [Fact]
    public async Task Readme_KeysCurlExamples_AllSucceed()
    {
        var blocks = ReadmeExamples.Blocks("keys-curl-examples");
        Assert.True(blocks.Count >= 2, $"found {blocks.Count} bash blocks between the keys-curl-examples markers");
        var baseUrl = fixture.BaseAddress.ToString().TrimEnd('/');

        foreach (var block in blocks)
        {
            var (exitCode, output) = await ReadmeExamples.RunBashAsync(block.Replace(ReadmeBaseUrl, baseUrl, StringComparison.Ordinal));
            Assert.True(exitCode == 0, $"README example failed with exit code {exitCode}:\n{block}\n--- output ---\n{output}");
        }
    }

    [Fact]
    public void Readme_KeysConfiguration_NamesTheKeysTheExamplesUse()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));

        Assert.Contains("Registry__Auth__ProtectReads=true", readme, StringComparison.Ordinal);
        Assert.Contains($"Registry__Auth__Keys__0__Key={ScopedKeysHttpFixture.ReadKey}", readme, StringComparison.Ordinal);
        Assert.Contains($"printf %s {ScopedKeysHttpFixture.WriteKey} | sha256sum", readme, StringComparison.Ordinal);
        Assert.Contains($"Registry__Auth__Keys__1__Namespaces=default,{ScopedKeysHttpFixture.Namespace}", readme, StringComparison.Ordinal);
    }
}
