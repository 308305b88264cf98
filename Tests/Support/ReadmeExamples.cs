using System.Diagnostics;
using System.Text.RegularExpressions;

namespace OrleansRegistry.Tests.Support;

/// <summary>README's example blocks, found between markers and run with bash as a reader would.</summary>
public static partial class ReadmeExamples
{
    /// <summary>The bash blocks between <c>&lt;!-- {marker}:start</c> and <c>&lt;!-- {marker}:end --&gt;</c>.</summary>
    public static List<string> Blocks(string marker)
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var start = readme.IndexOf($"<!-- {marker}:start", StringComparison.Ordinal);
        var end = readme.IndexOf($"<!-- {marker}:end -->", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"README has the {marker} markers");
        return BashBlock().Matches(readme[start..end]).Select(match => match.Groups["script"].Value).ToList();
    }

    /// <summary>Runs <paramref name="script"/> under <c>bash -euo pipefail</c>; its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunBashAsync(string script)
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
