using Microsoft.Extensions.Configuration;
using OrleansRegistry.Silo.Hosting;
using OrleansRegistry.Tests.Processes;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Hosting;

public sealed class SiloConfigurationTests
{
    [Fact]
    public void Read_NoSettings_UsesContractDefaults()
    {
        var configuration = SiloConfiguration.Read(new ConfigurationBuilder().Build());

        Assert.Equal("dev", configuration.Silo.ClusterId);
        Assert.Equal("orleans-registry", configuration.Silo.ServiceId);
        Assert.Equal(ClusteringKind.Localhost, configuration.Silo.Clustering);
        Assert.Equal((11111, 30000), (configuration.Silo.SiloPort, configuration.Silo.GatewayPort));
        Assert.Equal(StorageKind.Memory, configuration.Registry.Storage);
        Assert.Equal("UseDevelopmentStorage=true", configuration.Registry.AzureStorageConnectionString);
        Assert.Empty(configuration.Registry.ApiKeys);
        Assert.Equal(TimeSpan.FromSeconds(10), configuration.HealthCheck.Interval);
        Assert.Equal(TimeSpan.FromSeconds(5), configuration.HealthCheck.Timeout);
        Assert.Equal(2, configuration.HealthCheck.FailuresBeforeUnhealthy);
        Assert.Equal(1, configuration.HealthCheck.SuccessesBeforeHealthy);
        Assert.Equal(TimeSpan.FromMinutes(10), configuration.HealthCheck.DeregisterAfter);
        Assert.Empty(configuration.HealthCheck.AllowedHosts);
    }

    [Fact]
    public void Read_EveryKeySet_BindsEach()
    {
        var configuration = SiloConfiguration.Read(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Orleans:ClusterId"] = "prod",
            ["Orleans:ServiceId"] = "registry",
            ["Orleans:Clustering"] = "azurestorage",
            ["Orleans:SiloPort"] = "11112",
            ["Orleans:GatewayPort"] = "30001",
            ["Orleans:AdvertisedIP"] = "10.0.0.5",
            ["Registry:Storage"] = "AzureStorage",
            ["Registry:AzureStorage:ConnectionString"] = "UseDevelopmentStorage=true;DevelopmentStorageProxyUri=http://azurite",
            ["Registry:ApiKeys"] = "alpha, beta",
            ["Registry:HealthCheck:Interval"] = "00:00:03",
            ["Registry:HealthCheck:Timeout"] = "00:00:01",
            ["Registry:HealthCheck:FailuresBeforeUnhealthy"] = "4",
            ["Registry:HealthCheck:SuccessesBeforeHealthy"] = "2",
            ["Registry:HealthCheck:DeregisterAfter"] = "00:05:00",
            ["Registry:HealthCheck:AllowedHosts:0"] = "probe.internal",
            ["Registry:HealthCheck:AllowedHosts:1"] = "10.1.1.1",
        }).Build());

        Assert.Equal(("prod", "registry", ClusteringKind.AzureStorage), (configuration.Silo.ClusterId, configuration.Silo.ServiceId, configuration.Silo.Clustering));
        Assert.Equal((11112, 30001, "10.0.0.5"), (configuration.Silo.SiloPort, configuration.Silo.GatewayPort, configuration.Silo.AdvertisedIP?.ToString()));
        Assert.Equal(StorageKind.AzureStorage, configuration.Registry.Storage);
        Assert.Equal(["alpha", "beta"], configuration.Registry.ApiKeys);
        Assert.Equal((TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(1)), (configuration.HealthCheck.Interval, configuration.HealthCheck.Timeout));
        Assert.Equal((4, 2), (configuration.HealthCheck.FailuresBeforeUnhealthy, configuration.HealthCheck.SuccessesBeforeHealthy));
        Assert.Equal(TimeSpan.FromMinutes(5), configuration.HealthCheck.DeregisterAfter);
        Assert.Equal(["probe.internal", "10.1.1.1"], configuration.HealthCheck.AllowedHosts);
    }

    [Theory]
    [InlineData("Orleans:Clustering", "Consul")]
    [InlineData("Orleans:Clustering", "7")]
    [InlineData("Orleans:SiloPort", "0")]
    [InlineData("Orleans:GatewayPort", "seventy")]
    [InlineData("Orleans:AdvertisedIP", "not-an-ip")]
    [InlineData("Orleans:ClusterId", " ")]
    [InlineData("Registry:Storage", "Redis")]
    [InlineData("Registry:HealthCheck:Interval", "-00:00:01")]
    [InlineData("Registry:HealthCheck:Interval", "soon")]
    [InlineData("Registry:HealthCheck:Timeout", "00:00:00")]
    [InlineData("Registry:HealthCheck:FailuresBeforeUnhealthy", "0")]
    [InlineData("Registry:HealthCheck:SuccessesBeforeHealthy", "many")]
    [InlineData("Registry:HealthCheck:DeregisterAfter", "00:00:30")]
    public void Read_BadValue_FailsNamingTheKey(string key, string value)
    {
        var settings = new Dictionary<string, string?> { [key] = value };

        var error = Assert.Throws<RegistryConfigurationException>(() => SiloConfiguration.Read(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()));

        Assert.Contains($"'{key}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MalformedConnectionString_FailsNamingTheKey()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Registry:Storage"] = "AzureStorage",
            ["Registry:AzureStorage:ConnectionString"] = "this is not a connection string",
        };

        var error = Assert.Throws<RegistryConfigurationException>(() => SiloConfiguration.Read(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()));

        Assert.Contains("'Registry:AzureStorage:ConnectionString'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SiloProcess_BadEnvironmentValue_ExitsNamingTheKey()
    {
        await using var silo = ChildProcess.Start("dotnet", [RepositoryPaths.SiloDll, "--urls", $"http://127.0.0.1:{FreePorts.Next()}", "--Registry:HealthCheck:Interval=-5"]);

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await silo.WaitForExitAsync(deadline.Token);

        Assert.Contains("'Registry:HealthCheck:Interval'", silo.Output, StringComparison.Ordinal);
    }
}
