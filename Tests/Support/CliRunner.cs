using System.Diagnostics;
using System.Reflection;

namespace OrleansRegistry.Tests.Support;

/// <summary>Runs the real CLI (the built OrleansRegistry.ClientApp.dll) as a child process.</summary>
public static class CliRunner
{
    private static readonly TimeSpan RunDeadline = TimeSpan.FromSeconds(60);

    /// <summary>The CLI's own settings variables, cleared so the machine's environment cannot steer a test.</summary>
    private static readonly string[] IsolatedVariables = ["Registry__Gateways", "Registry__Client", "Registry__Tls", "Orleans__ClusterId"];

    public static string CliPath { get; } = FindCli();

    public static async Task<CliResult> RunAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, string? standardInput = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(CliPath);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in start.Environment.Keys.Where(key => IsolatedVariables.Any(prefix => key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (standardInput is not null)
            {
                await process.StandardInput.WriteAsync(standardInput);
            }

            process.StandardInput.Close();
            using var deadline = new CancellationTokenSource(RunDeadline);
            await process.WaitForExitAsync(deadline.Token);
            return new CliResult(process.ExitCode, await stdout, await stderr, clock.Elapsed);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"the CLI did not exit within {RunDeadline}: {string.Join(' ', start.ArgumentList)}");
            throw;
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private static string FindCli()
    {
        var path = typeof(CliRunner).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "ClientAppPath").Value!;
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"the CLI is not built at {path}; build Tests (it builds ClientApp) first", path);
    }
}
