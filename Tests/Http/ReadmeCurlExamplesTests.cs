using System.Diagnostics;
using System.Text.RegularExpressions;
using OrleansRegistry.Tests.Fixtures;

namespace OrleansRegistry.Tests.Http;

/// <summary>The README's curl examples work as written against a real silo.</summary>
[Collection(RegistryHttpCollection.Name)]
public sealed partial class ReadmeCurlExamplesTests(RegistryHttpFixture fixture)
{
    private const string ReadmeBaseUrl = "http://localhost:8080";

    [Fact]
    public async Task Readme_CurlExamples_AllSucceed()
    {
        var blocks = ExampleBlocks();
        Assert.True(blocks.Count >= 4, $"found {blocks.Count} bash blocks between the curl-examples markers");
        var baseUrl = fixture.BaseAddress.ToString().TrimEnd('/');

        foreach (var block in blocks)
        {
            Assert.Contains(ReadmeBaseUrl, block, StringComparison.Ordinal);
            var (exitCode, output) = await RunBashAsync(block.Replace(ReadmeBaseUrl, baseUrl, StringComparison.Ordinal));
            Assert.True(exitCode == 0, $"README example failed with exit code {exitCode}:\n{block}\n--- output ---\n{output}");
        }
    }

    private static List<string> ExampleBlocks()
    {
        var readme = File.ReadAllText(FindReadme());
        var start = readme.IndexOf("<!-- curl-examples:start", StringComparison.Ordinal);
        var end = readme.IndexOf("<!-- curl-examples:end -->", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "README has the curl-examples markers");
        return BashBlock().Matches(readme[start..end]).Select(match => match.Groups["script"].Value).ToList();
    }

    private static string FindReadme()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "README.md");
            if (File.Exists(candidate) && File.Exists(Path.Combine(directory.FullName, "OrleansRegistry.sln")))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("README.md beside OrleansRegistry.sln, above " + AppContext.BaseDirectory);
    }

    private static async Task<(int ExitCode, string Output)> RunBashAsync(string script)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("-euo");
        start.ArgumentList.Add("pipefail");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(script);
        process.StandardInput.Close();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    [GeneratedRegex(@"```bash\n(?<script>.*?)```", RegexOptions.Singleline)]
    private static partial Regex BashBlock();
}
