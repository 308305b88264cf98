using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrleansRegistry.Silo.Hosting;
using SiloOptions = OrleansRegistry.Silo.Hosting.SiloOptions;

namespace OrleansRegistry.Tests.Backends;

/// <summary>The backend keys bound and checked as the silo does when its host is built.</summary>
public sealed class BackendConfigurationTests
{
    [Fact]
    public void BuildTimeOptions_NoSettings_RedisDefaultsToLocalServerAndPostgreSqlToNone()
    {
        var registry = BuildTimeOptions.Bind<RegistryOptions, RegistryOptionsValidator>(new ConfigurationBuilder().Build(), RegistryOptions.SectionName);

        Assert.Equal("localhost:6379", registry.Redis.ConnectionString);
        Assert.Null(registry.AdoNet.ConnectionString);
    }

    [Theory]
    [InlineData("Redis", "Redis", "Registry:Redis:ConnectionString", "redis.internal:6380,password=x")]
    [InlineData("AdoNet", "AdoNet", "Registry:AdoNet:ConnectionString", "Host=db;Username=orleans;Database=orleans")]
    [InlineData("AzureStorage", "AdoNet", "Registry:AdoNet:ConnectionString", "Host=db;Database=orleans")]
    public async Task AddRegistrySilo_BackendConfigured_Builds(string clustering, string storage, string key, string connectionString)
    {
        await using var app = Build(new() { ["Orleans:Clustering"] = clustering, ["Registry:Storage"] = storage, [key] = connectionString });

        app.Services.GetRequiredService<IStartupValidator>().Validate();
    }

    [Fact]
    public async Task AddRegistrySilo_KubernetesInAPod_BuildsWithMembershipInTheStorageBackend()
    {
        await using var app = Build(new()
        {
            ["Orleans:Clustering"] = "Kubernetes",
            ["Registry:Storage"] = "Redis",
            [BackendChoiceValidator.KubernetesServiceHostVariable] = "10.96.0.1",
        });

        var registry = BuildTimeOptions.Bind<RegistryOptions, RegistryOptionsValidator>(app.Configuration, RegistryOptions.SectionName);
        Assert.Equal(ClusteringKind.Redis, BackendChoiceValidator.MembershipOf(new SiloOptions { Clustering = ClusteringKind.Kubernetes }, registry));
    }

    [Theory]
    [InlineData("Registry:Redis:ConnectionString", "Registry:Redis:ConnectionString", "")]
    [InlineData("Registry:Redis:ConnectionString", "Registry:Redis:ConnectionString", "no-such-option=1")]
    [InlineData("Registry:AdoNet:ConnectionString", "Registry:AdoNet:ConnectionString", "Hots=db")]
    [InlineData("Registry:AdoNet:ConnectionString", "Registry:Storage", "AdoNet")]
    [InlineData("Registry:AdoNet:ConnectionString", "Orleans:Clustering", "AdoNet")]
    [InlineData("Registry:Storage", "Orleans:Clustering", "Kubernetes")]
    [InlineData("Orleans:Clustering", "Orleans:Clustering", "Kubernetes")]
    [InlineData("Registry:Storage", "Registry:Storage", "MongoDb")]
    public void AddRegistrySilo_BackendMissingOrInvalid_StopsStartNamingTheKey(string named, string key, string value)
    {
        var error = Record.Exception(() => Build(new() { [key] = value }));

        Assert.NotNull(error);
        var message = ConfigurationFailure.MessageOf(error);
        Assert.True(message is not null, $"a configuration failure, not {error}");
        Assert.Contains($"'{named}'", message, StringComparison.Ordinal);
    }

    private static WebApplication Build(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddRegistrySilo();
        return builder.Build();
    }
}
