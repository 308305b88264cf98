using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OrleansRegistry.Client.Endpoints;
using OrleansRegistry.Client.Hosting;
using OrleansRegistry.Client.Picking;
using OrleansRegistry.Grains;
using OrleansRegistry.Model;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Client.Endpoints;

[Collection(RegistryClientCollection.Name)]
public sealed class RegistryServiceEndpointProviderTests(RegistryHttpFixture fixture) : IAsyncLifetime
{
    private readonly HttpBackends _backends = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _backends.StopAllAsync();

    [Theory]
    [MemberData(nameof(ClientTransports.Both), MemberType = typeof(ClientTransports))]
    public async Task HttpClient_ServiceNameAsBaseAddress_ResolvesThroughRegistryAndFollowsPushes(ClientTransport transport)
    {
        var name = Instances.UniqueService("sd");
        var first = await StartBackendAsync("sd-a");
        var second = await StartBackendAsync("sd-b");
        var service = fixture.GrainFactory.GetGrain<IServiceGrain>(name);
        await service.RegisterAsync(first.AsInstance(name));
        await service.RegisterAsync(second.AsInstance(name));
        await using var host = CreateHost(name, transport);
        var http = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient(name);

        var answered = new HashSet<string>();
        for (var i = 0; i < 4; i++)
        {
            answered.Add((await http.GetFromJsonAsync<WhoAmI>("/whoami"))!.Backend);
        }

        Assert.Equal(["sd-a", "sd-b"], answered.Order());

        await service.DeregisterAsync(first.Name);
        await Eventually.TrueAsync(
            async () =>
            {
                var backends = new List<string>();
                for (var i = 0; i < 4; i++)
                {
                    backends.Add((await http.GetFromJsonAsync<WhoAmI>("/whoami"))!.Backend);
                }

                return backends.All(backend => backend == "sd-b");
            },
            TimeSpan.FromSeconds(5),
            "requests to stop reaching the deregistered instance");
    }

    [Theory]
    [MemberData(nameof(ClientTransports.Both), MemberType = typeof(ClientTransports))]
    public async Task HttpClient_NoHealthyInstance_ThrowsNoInstanceAvailable(ClientTransport transport)
    {
        var name = Instances.UniqueService("sd-down");
        await fixture.GrainFactory.GetGrain<IServiceGrain>(name).RegisterAsync(Instances.Create(name, "down", FreePorts.Next(), status: ServiceStatus.Unhealthy));
        await using var host = CreateHost(name, transport);
        var http = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient(name);

        await Assert.ThrowsAsync<NoInstanceAvailableException>(() => http.GetAsync(new Uri("/whoami", UriKind.Relative)));
    }

    [Theory]
    [InlineData("user-service", true)]
    [InlineData("users", true)]
    [InlineData("localhost", false)]
    [InlineData("api.example.com", false)]
    [InlineData("10.0.0.1", false)]
    [InlineData("-bad", false)]
    public void IsServiceName_HostNames_ClaimsOnlyDotlessServiceNames(string hostName, bool claimed)
    {
        Assert.Equal(claimed, RegistryEndpointProviderOptions.IsServiceName(hostName));
    }

    private RegistryClientHost CreateHost(string name, ClientTransport transport) =>
        RegistryClientHost.Create(fixture, transport, services: services =>
        {
            services.AddServiceDiscovery();
            services.AddRegistryServiceEndpointProvider();
            services.AddHttpClient(name, http => http.BaseAddress = new Uri($"http://{name}")).AddServiceDiscovery();
        });

    private Task<HttpBackend> StartBackendAsync(string name) => _backends.StartAsync(name);

    private sealed record WhoAmI(string Backend);
}
