using System.Net;
using OrleansRegistry.Grains;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;
using OrleansRegistry.Validation;

namespace OrleansRegistry.Tests.Client.Discovery;

/// <summary>HTTP mode against a registry whose writes need a key: the configured key goes out on every call, and a refusal is typed.</summary>
[Collection(SecuredRegistryHttpCollection.Name)]
public sealed class HttpClientApiKeyTests(SecuredRegistryHttpFixture fixture)
{
    [Fact]
    public async Task Register_ApiKeyConfigured_AcceptedAndFollowed()
    {
        var name = Instances.UniqueService("keyed");
        await using var client = RegistryClientHost.CreateOverHttp([fixture.BaseAddress], options => options.ApiKey = SecuredRegistryHttpFixture.SecondKey);

        await client.Transport.RegisterAsync(Instances.Create(name, "a"), CancellationToken.None);
        Assert.True(await client.Transport.HeartbeatAsync(name, "a", CancellationToken.None));
        Assert.True(await client.Transport.SetMaintenanceAsync(name, "a", "keyed maintenance", CancellationToken.None));
        var discovered = await client.Cache.GetAsync(name);

        Assert.Equal("keyed maintenance", Assert.Single(discovered.Snapshot.Instances).Maintenance?.Reason);
        Assert.Empty(discovered.Selectable);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("not-a-configured-key", HttpStatusCode.Unauthorized)]
    public async Task Register_NoOrUnknownKey_RefusedWith401AndNothingStored(string? key, HttpStatusCode expected)
    {
        var name = Instances.UniqueService("unkeyed");
        await using var client = RegistryClientHost.CreateOverHttp([fixture.BaseAddress], options => options.ApiKey = key);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.Transport.RegisterAsync(Instances.Create(name, "a"), CancellationToken.None));

        Assert.Equal(expected, error.StatusCode);
        Assert.Empty(await fixture.GrainFactory.GetGrain<IServiceGrain>(name).GetInstancesAsync());
    }

    [Fact]
    public async Task Register_InvalidInstance_ThrowsValidationExceptionNamingTheField()
    {
        await using var client = RegistryClientHost.CreateOverHttp([fixture.BaseAddress], options => options.ApiKey = SecuredRegistryHttpFixture.FirstKey);

        var error = await Assert.ThrowsAsync<RegistryValidationException>(() =>
            client.Transport.RegisterAsync(Instances.Create(Instances.UniqueService("bad"), "a", port: 70000), CancellationToken.None));

        Assert.Equal("port", error.Field);
    }
}
