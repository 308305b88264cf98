using System.Diagnostics;
using System.Reflection;
using Xunit.Abstractions;
using OrleansRegistry.Tests.Processes;

namespace OrleansRegistry.Tests.Benchmarks;

/// <summary>
/// Keeps the benchmark harness working: runs every benchmark in quick mode (short runs, targets
/// not judged) as the documented program, and checks it prints a row for every figure. How long it
/// takes is not judged either: the deadline only stops a run that hangs.
/// </summary>
[Collection(ProcessClusterCollection.Name)]
public sealed class QuickModeTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task All_QuickMode_PrintsEveryFigure()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(BenchmarksPath());
        start.ArgumentList.Add("all");
        start.ArgumentList.Add("--quick");

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            using var deadline = new CancellationTokenSource(Deadline);
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"the benchmarks in quick mode did not exit within {Deadline}");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        var table = await stdout;
        output.WriteLine(table);
        output.WriteLine(await stderr);
        Assert.True(process.ExitCode == 0, $"the benchmarks exited with {process.ExitCode}");
        Assert.Contains("| # | figure | measured | baseline (same run) | ratio | target | verdict |", table, StringComparison.Ordinal);
        for (var figure = 1; figure <= 15; figure++)
        {
            Assert.Contains($"\n| {figure} | ", table, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("FAILED", table, StringComparison.Ordinal);
    }

    private static string BenchmarksPath()
    {
        var path = typeof(QuickModeTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "BenchmarksPath").Value!;
        return File.Exists(path) ? path : throw new InvalidOperationException($"the benchmarks are not built at {path}");
    }
}
