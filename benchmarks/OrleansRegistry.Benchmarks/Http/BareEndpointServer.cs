using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace OrleansRegistry.Benchmarks.Http;

/// <summary>
/// The HTTP baseline: Kestrel with two routes shaped like the registry's that return fixed bytes
/// (a recorded answer of the registry), with no registry behind them. Runs as its own process
/// (<c>serve-bytes</c>), like the silo, so both pay for their own process and GC.
/// </summary>
internal static class BareEndpointServer
{
    public const string Command = "serve-bytes";

    /// <summary>Arguments: port, content type, file with the list answer, file with the select answer.</summary>
    public static async Task<int> RunAsync(string[] arguments)
    {
        var port = int.Parse(arguments[0], CultureInfo.InvariantCulture);
        var contentType = arguments[1];
        var list = await File.ReadAllBytesAsync(arguments[2]);
        var select = await File.ReadAllBytesAsync(arguments[3]);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var app = builder.Build();
        app.MapGet("/services/{name}", (string name) => Results.Bytes(list, contentType));
        app.MapGet("/services/{name}/select", (string name) => Results.Bytes(select, contentType));
        app.MapGet("/healthz", () => "ok");
        await app.RunAsync();
        return 0;
    }
}
