using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OrleansRegistry.Contracts;

namespace OrleansRegistry.Benchmarks.Http;

/// <summary>
/// The HTTP baseline: Kestrel with routes shaped like the registry's that return fixed bytes
/// (a recorded answer of the registry), with no registry behind them. A registration is read and
/// deserialized like the registry's (same document type, same source-generated JSON context) and
/// answered with a recorded registration answer. Runs as its own process (<c>serve-bytes</c>),
/// like the silo, so both pay for their own process and GC.
/// </summary>
internal static class BareEndpointServer
{
    public const string Command = "serve-bytes";

    /// <summary>Arguments: port, content type, files with the list, select and registration answers.</summary>
    public static async Task<int> RunAsync(string[] arguments)
    {
        var port = int.Parse(arguments[0], CultureInfo.InvariantCulture);
        var contentType = arguments[1];
        var list = await File.ReadAllBytesAsync(arguments[2]);
        var select = await File.ReadAllBytesAsync(arguments[3]);
        var registered = await File.ReadAllBytesAsync(arguments[4]);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var app = builder.Build();
        app.MapGet("/services/{name}", (string name) => Results.Bytes(list, contentType));
        app.MapGet("/services/{name}/select", (string name) => Results.Bytes(select, contentType));
        app.MapPut("/services/{name}/instances/{id}", async (string name, string id, HttpRequest request) =>
        {
            var document = await JsonSerializer.DeserializeAsync(request.Body, RegistryJsonContext.Default.ServiceInstanceDocument, request.HttpContext.RequestAborted);
            return document?.Host is null ? Results.BadRequest() : Results.Bytes(registered, contentType);
        });
        app.MapGet("/healthz", () => "ok");
        await app.RunAsync();
        return 0;
    }
}
