using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using OrleansRegistry.Options;
using OrleansRegistry.Silo.Hosting;
using OrleansRegistry.Silo.Http;
using OrleansRegistry.Tests.Support;
using SiloOptions = OrleansRegistry.Silo.Hosting.SiloOptions;

namespace OrleansRegistry.Tests.Hosting;

/// <summary>The operator keys bound as the silo binds them: the real host built (not started), then validated as <c>ValidateOnStart</c> does.</summary>
public sealed class OperatorConfigurationTests
{
    [Fact]
    public async Task AddRegistrySilo_NoSettings_UsesContractDefaults()
    {
        await using var app = Build([]);

        var cluster = app.Services.GetRequiredService<IOptions<ClusterOptions>>().Value;
        Assert.Equal(("dev", "orleans-registry"), (cluster.ClusterId, cluster.ServiceId));
        var endpoints = app.Services.GetRequiredService<IOptions<EndpointOptions>>().Value;
        Assert.Equal((11111, 30000), (endpoints.SiloPort, endpoints.GatewayPort));
        var health = app.Services.GetRequiredService<IOptions<HealthCheckOptions>>().Value;
        Assert.Equal((TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5)), (health.Interval, health.Timeout));
        Assert.Equal((2, 1, 16), (health.FailuresBeforeUnhealthy, health.SuccessesBeforeHealthy, health.MaxConcurrentProbes));
        Assert.Equal(TimeSpan.FromMinutes(10), health.DeregisterAfter);
        Assert.Empty(health.AllowedHosts);
        var balancer = app.Services.GetRequiredService<IOptions<BalancerOptions>>().Value;
        Assert.Equal((TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(200)), (balancer.LeaseDuration, balancer.SnapshotMaxAge, balancer.PublishTimeout));
        Assert.Empty(ApiKeys(app));
        var registry = BuildTimeOptions.Bind<RegistryOptions, RegistryOptionsValidator>(new ConfigurationBuilder().Build(), RegistryOptions.SectionName);
        Assert.Equal((StorageKind.Memory, "UseDevelopmentStorage=true"), (registry.Storage, registry.AzureStorage.ConnectionString));
    }

    [Fact]
    public async Task AddRegistrySilo_EveryKeySet_BindsEach()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Orleans:ClusterId"] = "prod",
            ["Orleans:ServiceId"] = "registry",
            ["Orleans:SiloPort"] = "11112",
            ["Orleans:GatewayPort"] = "30001",
            ["Orleans:AdvertisedIP"] = "10.0.0.5",
            ["Registry:ApiKeys"] = "alpha, beta",
            ["Registry:HealthCheck:Interval"] = "00:00:03",
            ["Registry:HealthCheck:Timeout"] = "00:00:01",
            ["Registry:HealthCheck:FailuresBeforeUnhealthy"] = "4",
            ["Registry:HealthCheck:SuccessesBeforeHealthy"] = "2",
            ["Registry:HealthCheck:DeregisterAfter"] = "00:05:00",
            ["Registry:HealthCheck:MaxConcurrentProbes"] = "8",
            ["Registry:HealthCheck:AllowedHosts:0"] = "probe.internal",
            ["Registry:HealthCheck:AllowedHosts:1"] = "10.1.1.1",
            ["Registry:Balancer:LeaseDuration"] = "00:00:20",
        };

        await using var app = Build(settings);

        var cluster = app.Services.GetRequiredService<IOptions<ClusterOptions>>().Value;
        Assert.Equal(("prod", "registry"), (cluster.ClusterId, cluster.ServiceId));
        var endpoints = app.Services.GetRequiredService<IOptions<EndpointOptions>>().Value;
        Assert.Equal((11112, 30001, "10.0.0.5"), (endpoints.SiloPort, endpoints.GatewayPort, endpoints.AdvertisedIPAddress?.ToString()));
        Assert.Equal(["alpha", "beta"], ApiKeys(app));
        var health = app.Services.GetRequiredService<IOptions<HealthCheckOptions>>().Value;
        Assert.Equal((TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(1)), (health.Interval, health.Timeout));
        Assert.Equal((4, 2, 8), (health.FailuresBeforeUnhealthy, health.SuccessesBeforeHealthy, health.MaxConcurrentProbes));
        Assert.Equal(TimeSpan.FromMinutes(5), health.DeregisterAfter);
        Assert.Equal(["probe.internal", "10.1.1.1"], health.AllowedHosts);
        Assert.Equal(TimeSpan.FromSeconds(20), app.Services.GetRequiredService<IOptions<BalancerOptions>>().Value.LeaseDuration);
    }

    [Fact]
    public async Task AddRegistrySilo_ListsAsEntriesOrCommaSeparated_BindTheSame()
    {
        await using var entries = Build(new() { ["Registry:ApiKeys:0"] = "alpha", ["Registry:ApiKeys:1"] = "beta", ["Registry:HealthCheck:AllowedHosts"] = "a.internal,*.b.internal" });

        Assert.Equal(["alpha", "beta"], ApiKeys(entries));
        Assert.Equal(["a.internal", "*.b.internal"], entries.Services.GetRequiredService<IOptions<HealthCheckOptions>>().Value.AllowedHosts);
    }

    [Fact]
    public async Task AddRegistrySilo_ScopedKeys_BindWithDefaultsAndEitherListForm()
    {
        await using var app = Build(new()
        {
            ["Registry:Auth:ProtectReads"] = "true",
            ["Registry:Auth:Keys:0:Key"] = "k0-0123456789",
            ["Registry:Auth:Keys:1:KeySha256"] = new string('a', 64),
            ["Registry:Auth:Keys:1:Access"] = "READ",
            ["Registry:Auth:Keys:1:Namespaces"] = "team-a, team-b",
            ["Registry:Auth:Keys:2:Key"] = "k2-0123456789",
            ["Registry:Auth:Keys:2:Access"] = "admin",
            ["Registry:Auth:Keys:2:Namespaces:0"] = "team-c",
        });

        var options = app.Services.GetRequiredService<IOptionsMonitor<ApiKeyAuthenticationOptions>>().Get(ApiKeyAuthentication.Scheme);

        Assert.True(options.ProtectReads);
        Assert.Equal(
            [("Registry:Auth:Keys:0", null, "*"), ("Registry:Auth:Keys:1", "READ", "team-a,team-b"), ("Registry:Auth:Keys:2", "admin", "team-c")],
            options.Keys.Select(key => (key.Path, key.Access, string.Join(',', key.Namespaces))));
    }

    [Fact]
    public void BuildTimeOptions_AzureStorageKeys_Bind()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Orleans:Clustering"] = "azurestorage",
            ["Registry:Storage"] = "AzureStorage",
            ["Registry:AzureStorage:ConnectionString"] = "UseDevelopmentStorage=true;DevelopmentStorageProxyUri=http://azurite",
        }).Build();

        var silo = BuildTimeOptions.Bind<SiloOptions, SiloOptionsValidator>(configuration, SiloOptions.SectionName);
        var registry = BuildTimeOptions.Bind<RegistryOptions, RegistryOptionsValidator>(configuration, RegistryOptions.SectionName);

        Assert.Equal(ClusteringKind.AzureStorage, silo.Clustering);
        Assert.Equal(StorageKind.AzureStorage, registry.Storage);
        Assert.Equal("UseDevelopmentStorage=true;DevelopmentStorageProxyUri=http://azurite", registry.AzureStorage.ConnectionString);
    }

    [Theory]
    [InlineData("Orleans:Clustering", "Consul")]
    [InlineData("Orleans:Clustering", "7")]
    [InlineData("Orleans:SiloPort", "0")]
    [InlineData("Orleans:SiloPort", "30000")]
    [InlineData("Orleans:GatewayPort", "seventy")]
    [InlineData("Orleans:AdvertisedIP", "not-an-ip")]
    [InlineData("Orleans:ClusterId", " ")]
    [InlineData("Registry:Storage", "Cassandra")]
    [InlineData("Registry:AzureStorage:ConnectionString", "this is not a connection string")]
    [InlineData("Registry:ApiKeys:0", " ")]
    [InlineData("Registry:Auth:ProtectReads", "maybe")]
    [InlineData("Registry:Auth:ProtectReads", "true")]
    [InlineData("Registry:Auth:Keys:0:KeySha256", "not-a-digest")]
    [InlineData("Registry:Auth:Keys:0:Access", "root")]
    [InlineData("Registry:Auth:Keys:0:Namespaces", "team a")]
    [InlineData("Registry:HealthCheck:Interval", "-00:00:01")]
    [InlineData("Registry:HealthCheck:Interval", "soon")]
    [InlineData("Registry:HealthCheck:Interval", "00:00:02")]
    [InlineData("Registry:HealthCheck:Interval", "02:00:00")]
    [InlineData("Registry:HealthCheck:Timeout", "00:00:00")]
    [InlineData("Registry:HealthCheck:FailuresBeforeUnhealthy", "0")]
    [InlineData("Registry:HealthCheck:SuccessesBeforeHealthy", "many")]
    [InlineData("Registry:HealthCheck:DeregisterAfter", "00:00:30")]
    [InlineData("Registry:HealthCheck:MaxConcurrentProbes", "5000")]
    [InlineData("Registry:HealthCheck:AllowedHosts:0", "bad host")]
    [InlineData("Registry:Balancer:LeaseDuration", "00:00:00")]
    [InlineData("Registry:Balancer:PublishTimeout", "later")]
    public async Task AddRegistrySilo_BadValue_StopsStartNamingTheKey(string key, string value)
    {
        var named = key.EndsWith(":0", StringComparison.Ordinal) ? key[..^2] : key;

        // A scoped key's other settings are valid, so the message can only be about this one.
        var settings = new Dictionary<string, string?> { [key] = value };
        if (key.StartsWith("Registry:Auth:Keys:0:", StringComparison.Ordinal) && !key.EndsWith(":KeySha256", StringComparison.Ordinal))
        {
            settings["Registry:Auth:Keys:0:Key"] = "a-valid-key-1234";
        }

        var error = await Record.ExceptionAsync(async () =>
        {
            await using var app = Build(settings);
            app.Services.GetRequiredService<IStartupValidator>().Validate();
        });

        Assert.NotNull(error);
        var message = ConfigurationFailure.MessageOf(error);
        Assert.True(message is not null, $"a configuration failure, not {error}");
        Assert.Contains($"'{named}'", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SiloProcess_BadValue_ExitsWithCode2NamingTheKey()
    {
        await using var silo = ChildProcess.Start("dotnet", [RepositoryPaths.SiloDll, "--urls", $"http://127.0.0.1:{FreePorts.Next()}", "--Registry:HealthCheck:Interval=-5"]);

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await silo.WaitForExitAsync(deadline.Token);

        Assert.Equal(2, silo.ExitCode);
        Assert.Contains("'Registry:HealthCheck:Interval'", silo.Output, StringComparison.Ordinal);
    }

    private static IReadOnlyList<string> ApiKeys(WebApplication app) =>
        app.Services.GetRequiredService<IOptionsMonitor<ApiKeyAuthenticationOptions>>().Get(ApiKeyAuthentication.Scheme).ApiKeys;

    /// <summary>The silo's host built from <paramref name="settings"/> alone (on top of what the environment gives).</summary>
    private static WebApplication Build(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddRegistrySilo();
        return builder.Build();
    }
}
