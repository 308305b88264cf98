using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace OrleansRegistry.Benchmarks.Http;

/// <summary>
/// The baseline of the watch fan-out (<c>serve-watch</c>): Kestrel parks every
/// <c>GET /services/{name}</c> on one signal and answers all of them with the same recorded bytes
/// when <c>POST /release</c> fires it. No registry behind it: what waking N waiting requests costs.
/// </summary>
internal static class BareWatchServer
{
    public const string Command = "serve-watch";

    private static TaskCompletionSource _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private static int _waiting;

    /// <summary>Arguments: port, content type, file with the answer.</summary>
    public static async Task<int> RunAsync(string[] arguments)
    {
        var port = int.Parse(arguments[0], CultureInfo.InvariantCulture);
        var contentType = arguments[1];
        var answer = await File.ReadAllBytesAsync(arguments[2]);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var app = builder.Build();
        app.MapGet("/services/{name}", async (string name) =>
        {
            var signal = Volatile.Read(ref _signal);
            Interlocked.Increment(ref _waiting);
            await signal.Task;
            Interlocked.Decrement(ref _waiting);
            return Results.Bytes(answer, contentType);
        });
        app.MapGet("/waiting", () => Volatile.Read(ref _waiting).ToString(CultureInfo.InvariantCulture));
        app.MapPost("/release", () =>
        {
            Interlocked.Exchange(ref _signal, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).SetResult();
            return Results.NoContent();
        });
        await app.RunAsync();
        return 0;
    }
}
