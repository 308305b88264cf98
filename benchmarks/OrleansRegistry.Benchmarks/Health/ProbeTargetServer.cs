using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace OrleansRegistry.Benchmarks.Health;

/// <summary>
/// The backend both the silo's prober and the bare baseline probe (<c>serve-probe-target</c>):
/// <c>GET /health/{id}</c> answers 200 and notes when each id was probed, so that
/// <c>GET /probe-stats</c> can tell how many probes came since <c>POST /probe-stats/reset</c>, how
/// many ids they covered, and the longest time between two probes of one id.
/// </summary>
internal static class ProbeTargetServer
{
    public const string Command = "serve-probe-target";

    private static readonly ConcurrentDictionary<string, long> LastProbe = new(StringComparer.Ordinal);
    private static long _since = long.MaxValue;
    private static long _count;
    private static long _longestGap;

    /// <summary>Arguments: port.</summary>
    public static async Task<int> RunAsync(string[] arguments)
    {
        var port = int.Parse(arguments[0], CultureInfo.InvariantCulture);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var app = builder.Build();
        app.MapGet("/health/{id}", (string id) =>
        {
            Record(id, Stopwatch.GetTimestamp());
            return Results.Text("ok");
        });
        app.MapPost("/probe-stats/reset", () =>
        {
            LastProbe.Clear();
            Interlocked.Exchange(ref _count, 0);
            Interlocked.Exchange(ref _longestGap, 0);
            Volatile.Write(ref _since, Stopwatch.GetTimestamp());
            return Results.NoContent();
        });
        app.MapGet("/probe-stats", () => string.Create(
            CultureInfo.InvariantCulture,
            $"{Interlocked.Read(ref _count)} {LastProbe.Count} {Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _longestGap)).TotalMilliseconds:0.0}"));
        await app.RunAsync();
        return 0;
    }

    private static void Record(string id, long now)
    {
        if (now < Volatile.Read(ref _since))
        {
            return;
        }

        Interlocked.Increment(ref _count);
        long gap = 0;
        LastProbe.AddOrUpdate(id, now, (_, previous) =>
        {
            gap = now - previous;
            return now;
        });
        long longest;
        while (gap > (longest = Interlocked.Read(ref _longestGap)) && Interlocked.CompareExchange(ref _longestGap, gap, longest) != longest)
        {
        }
    }
}
