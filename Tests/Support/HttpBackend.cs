using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OrleansRegistry.Model;

namespace OrleansRegistry.Tests.Support;

/// <summary>
/// A real Kestrel server on a free loopback port that stands in for one instance of a service.
/// <c>/whoami</c> answers its name, <c>/echo</c> returns the request body; every request can be
/// made to fail (<see cref="FailWith"/>) or to hang (<see cref="Delay"/>).
/// </summary>
public sealed class HttpBackend : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _hits;

    private HttpBackend(string name, int port, WebApplication app)
    {
        Name = name;
        Port = port;
        _app = app;
    }

    public string Name { get; }

    public int Port { get; }

    /// <summary>Requests that reached this backend.</summary>
    public int Hits => Volatile.Read(ref _hits);

    /// <summary>When set, every request is answered with this status.</summary>
    public HttpStatusCode? FailWith { get; set; }

    /// <summary>Time every request waits before it is answered.</summary>
    public TimeSpan Delay { get; set; }

    public static async Task<HttpBackend> StartAsync(string name)
    {
        var port = FreePorts.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var backend = new HttpBackend(name, port, app);
        app.Use(async (context, next) =>
        {
            Interlocked.Increment(ref backend._hits);
            if (backend.Delay > TimeSpan.Zero)
            {
                await Task.Delay(backend.Delay, context.RequestAborted);
            }

            if (backend.FailWith is { } status)
            {
                context.Response.StatusCode = (int)status;
                return;
            }

            await next(context);
        });
        app.MapGet("/whoami", () => Results.Json(new { backend = name }));
        app.MapMethods("/echo", ["POST", "PUT"], async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            return Results.Content(await reader.ReadToEndAsync(), request.ContentType ?? "application/octet-stream");
        });
        app.MapGet("/health", () => Results.Ok());
        await app.StartAsync();
        return backend;
    }

    /// <summary>This backend as an instance of <paramref name="serviceName"/>, with its name as instance id.</summary>
    public ServiceInstance AsInstance(string serviceName, int? weight = null) =>
        Instances.Create(serviceName, Name, Port, weight: weight);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
