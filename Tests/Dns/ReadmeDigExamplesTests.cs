using System.Globalization;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Dns;

/// <summary>README's DNS examples work as written against a real silo (its HTTP and DNS ports swapped in).</summary>
[Collection(RegistryHttpCollection.Name)]
public sealed class ReadmeDigExamplesTests(RegistryHttpFixture fixture)
{
    private const string ReadmeBaseUrl = "http://localhost:8080";
    private const string ReadmeDnsPort = "-p 8600 ";

    [Fact]
    public async Task Readme_DigExamples_AnswerTheRegisteredInstance()
    {
        var blocks = ReadmeExamples.Blocks("dig-examples");
        Assert.NotEmpty(blocks);
        var output = string.Empty;
        foreach (var block in blocks)
        {
            Assert.Contains("dig @127.0.0.1 -p 8600 user-service.service.registry SRV", block, StringComparison.Ordinal);
            var script = block
                .Replace(ReadmeBaseUrl, fixture.BaseAddress.ToString().TrimEnd('/'), StringComparison.Ordinal)
                .Replace(ReadmeDnsPort, $"-p {fixture.DnsPort.ToString(CultureInfo.InvariantCulture)} ", StringComparison.Ordinal);
            var (exitCode, blockOutput) = await ReadmeExamples.RunBashAsync(script);
            Assert.True(exitCode == 0, $"README example failed with exit code {exitCode}:\n{block}\n--- output ---\n{blockOutput}");
            output += blockOutput;
        }

        Assert.Matches(@"user-service\.service\.registry\.\s+5\s+IN\s+SRV\s+1 3 9001 user-1\.user-service\.instance\.registry\.", output);
        Assert.Matches(@"user-1\.user-service\.instance\.registry\.\s+5\s+IN\s+A\s+127\.0\.0\.1", output);
        Assert.Matches(@"user-service\.service\.registry\.\s+5\s+IN\s+A\s+127\.0\.0\.1", output);
        Assert.DoesNotContain("NXDOMAIN", output, StringComparison.Ordinal);
    }
}
