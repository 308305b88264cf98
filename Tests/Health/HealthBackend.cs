using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OrleansRegistry.Tests.Health;

/// <summary>
/// A real HTTP backend on loopback (Kestrel, free port) serving <c>/health/{name}</c>; each name
/// can be switched between passing, failing, slow, redirecting and an endless body. Counts hits.
/// </summary>
public sealed class HealthBackend : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, BackendMode> _modes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Counters> _counters = new(StringComparer.Ordinal);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private WebApplication _app = null!;

    public int Port { get; private set; }

    /// <summary>How long a <see cref="BackendMode.Slow"/> answer takes.</summary>
    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(3);

    public static async Task<HealthBackend> StartAsync()
    {
        var backend = new HealthBackend();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        backend._app = builder.Build();
        backend._app.MapGet("/health/{name}", (HttpContext context, string name) => backend.HandleAsync(context, name));
        await backend._app.StartAsync();
        var address = backend._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        backend.Port = new Uri(address).Port;
        return backend;
    }

    public string Url(string name) => $"http://127.0.0.1:{Port}/health/{name}";

    public void Set(string name, BackendMode mode) => _modes[name] = mode;

    public int Hits(string name) => CountersOf(name).Hits;

    public int MaxInFlight(string name) => CountersOf(name).MaxInFlight;

    public int InFlight(string name) => CountersOf(name).InFlight;

    /// <summary>When the backend last saw a request for <paramref name="name"/>, on its own stopwatch.</summary>
    public TimeSpan? LastHitAt(string name) => CountersOf(name).LastHitAt;

    /// <summary>The first request for <paramref name="name"/> after <paramref name="after"/>, on the backend's stopwatch.</summary>
    public TimeSpan? FirstHitAfter(string name, TimeSpan after) => CountersOf(name).FirstHitAfter(after);

    public TimeSpan Now => _clock.Elapsed;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private Counters CountersOf(string name) => _counters.GetOrAdd(name, _ => new Counters());

    private async Task HandleAsync(HttpContext context, string name)
    {
        var counters = CountersOf(name);
        counters.Enter(_clock.Elapsed);
        try
        {
            switch (_modes.GetValueOrDefault(name, BackendMode.Pass))
            {
                case BackendMode.Pass:
                    await context.Response.WriteAsync("ok", context.RequestAborted);
                    break;
                case BackendMode.Fail:
                    context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                    break;
                case BackendMode.Slow:
                    await Task.Delay(SlowDelay, context.RequestAborted);
                    await context.Response.WriteAsync("slow ok", context.RequestAborted);
                    break;
                case BackendMode.Redirect:
                    context.Response.Redirect($"/health/{name}-target");
                    break;
                case BackendMode.EndlessBody:
                    var chunk = new byte[4096];
                    while (!context.RequestAborted.IsCancellationRequested)
                    {
                        await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                        await Task.Delay(10, context.RequestAborted);
                    }

                    break;
            }
        }
        catch (OperationCanceledException)
        {
            // The prober gave up (timeout) or closed the connection after reading enough.
        }
        finally
        {
            counters.Leave();
        }
    }

    private sealed class Counters
    {
        private readonly Lock _gate = new();
        private int _hits;
        private int _inFlight;
        private int _maxInFlight;
        private readonly List<TimeSpan> _hitTimes = [];
        private TimeSpan? _lastHitAt;

        public int Hits
        {
            get
            {
                lock (_gate)
                {
                    return _hits;
                }
            }
        }

        public int InFlight
        {
            get
            {
                lock (_gate)
                {
                    return _inFlight;
                }
            }
        }

        public int MaxInFlight
        {
            get
            {
                lock (_gate)
                {
                    return _maxInFlight;
                }
            }
        }

        public TimeSpan? LastHitAt
        {
            get
            {
                lock (_gate)
                {
                    return _lastHitAt;
                }
            }
        }

        public void Enter(TimeSpan at)
        {
            lock (_gate)
            {
                _hits++;
                _inFlight++;
                _maxInFlight = Math.Max(_maxInFlight, _inFlight);
                _lastHitAt = at;
                _hitTimes.Add(at);
            }
        }

        public TimeSpan? FirstHitAfter(TimeSpan after)
        {
            lock (_gate)
            {
                foreach (var at in _hitTimes)
                {
                    if (at > after)
                    {
                        return at;
                    }
                }

                return null;
            }
        }

        public void Leave()
        {
            lock (_gate)
            {
                _inFlight--;
            }
        }
    }
}
