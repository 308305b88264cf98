using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace OrleansRegistry.Benchmarks.Http;

/// <summary>Runs Debian's <c>wrk</c> against a loopback URL and reads its summary.</summary>
internal static partial class WrkRunner
{
    public const int Threads = 2;
    public const int Connections = 64;

    public static bool IsInstalled() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, "wrk")));

    /// <summary>Runs wrk; <paramref name="script"/> is a Lua file and <paramref name="scriptArguments"/> what follows <c>--</c>.</summary>
    public static async Task<WrkResult> RunAsync(
        Uri url,
        TimeSpan duration,
        int threads = Threads,
        int connections = Connections,
        string? script = null,
        IReadOnlyList<string>? scriptArguments = null)
    {
        var info = new ProcessStartInfo("wrk")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var arguments = new List<string>
        {
            "-t", threads.ToString(CultureInfo.InvariantCulture),
            "-c", connections.ToString(CultureInfo.InvariantCulture),
            "-d", $"{Math.Max(1, (int)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture)}s",
            "--latency",
        };
        if (script is not null)
        {
            arguments.AddRange(["-s", script]);
        }

        arguments.Add(url.ToString());
        if (scriptArguments is not null)
        {
            arguments.Add("--");
            arguments.AddRange(scriptArguments);
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("wrk did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var text = await output;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"wrk exited with {process.ExitCode}: {await error}{text}");
        }

        return Parse(text);
    }

    public static WrkResult Parse(string output)
    {
        var rate = RequestsPerSecond().Match(output);
        var p99 = Percentile99().Match(output);
        if (!rate.Success || !p99.Success)
        {
            throw new InvalidOperationException($"cannot read wrk's output:\n{output}");
        }

        var errors = 0L;
        var non2xx = Non2xx().Match(output);
        if (non2xx.Success)
        {
            errors += long.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        var socket = SocketErrors().Match(output);
        if (socket.Success)
        {
            errors += socket.Groups.Values.Skip(1).Sum(group => long.Parse(group.Value, CultureInfo.InvariantCulture));
        }

        return new WrkResult(
            double.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture),
            ToMilliseconds(double.Parse(p99.Groups[1].Value, CultureInfo.InvariantCulture), p99.Groups[2].Value),
            errors);
    }

    private static double ToMilliseconds(double value, string unit) => unit switch
    {
        "us" => value / 1000,
        "ms" => value,
        "s" => value * 1000,
        "m" => value * 60_000,
        _ => throw new InvalidOperationException($"unknown wrk time unit '{unit}'"),
    };

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"^\s+99%\s+([\d.]+)(us|ms|s|m)\s*$", RegexOptions.Multiline)]
    private static partial Regex Percentile99();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xx();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrors();
}
