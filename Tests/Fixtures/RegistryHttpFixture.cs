using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansRegistry.Caching;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Fixtures;

/// <summary>
/// The real silo <c>Program</c> (single-silo cluster, in-memory storage) served by Kestrel on a
/// free loopback port; tests talk to it over real HTTP. Writes are open (no API keys).
/// </summary>
public class RegistryHttpFixture : IAsyncLifetime, IDisposable
{
    private RegistryApplicationFactory? _factory;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>A plain client of <see cref="BaseAddress"/> (no factory handlers in between).</summary>
    public HttpClient Client { get; private set; } = null!;

    public IServiceProvider Services => _factory!.Services;

    /// <summary>The silo's own grain factory: what an Orleans-mode client in the silo's process would use.</summary>
    public IGrainFactory GrainFactory => Services.GetRequiredService<IGrainFactory>();

    /// <summary>The silo's pushed copies (leases of balancer picks live there).</summary>
    public SiloServiceCache SiloCache => Services.GetRequiredService<SiloServiceCache>();

    /// <summary>Where the silo answers DNS (UDP and TCP).</summary>
    public int DnsPort { get; } = FreePorts.Next();

    public CapturingLoggerProvider Logs { get; } = new();

    /// <summary>Services a derived fixture adds to the silo's own.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>Configuration keys given to the silo on its command line.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    public Task InitializeAsync()
    {
        var settings = new Dictionary<string, string>(Settings)
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:OrleansRegistry"] = "Information",
            ["Orleans:ClusterId"] = $"http-tests-{Guid.NewGuid():N}",
            ["Orleans:SiloPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Registry:Dns:Port"] = DnsPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        _factory = new RegistryApplicationFactory(settings, Logs, ConfigureServices);
        _factory.UseKestrel(0);
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.First());
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }

    public void Dispose()
    {
        Client?.Dispose();
        _factory?.Dispose();
        GC.SuppressFinalize(this);
    }

    private sealed class RegistryApplicationFactory(IReadOnlyDictionary<string, string> settings, CapturingLoggerProvider logs, Action<IServiceCollection> configureServices)
        : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureLogging(logging => logging.AddProvider(logs));
            builder.ConfigureServices(configureServices);
        }
    }
}

/// <summary>The client library's tests: one silo they reach both as an Orleans client and over HTTP.</summary>
[CollectionDefinition(Name)]
public sealed class RegistryClientCollection : ICollectionFixture<RegistryHttpFixture>
{
    public const string Name = "registry clients";
}

[CollectionDefinition(Name)]
public sealed class RegistryHttpCollection : ICollectionFixture<RegistryHttpFixture>
{
    public const string Name = "registry http";
}

/// <summary>
/// Its own silo for the timing-sensitive tests (blocking queries), run after the parallel
/// collections and alone, so that a busy machine does not blur the latencies they measure.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingRegistryHttpCollection : ICollectionFixture<RegistryHttpFixture>
{
    public const string Name = "registry http timing";
}
