using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrleansRegistry.Client.Discovery;
using OrleansRegistry.Client.Hosting;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Client.Discovery;

[Collection(RegistryClientCollection.Name)]
public sealed class HttpTransportDisposalTests(RegistryHttpFixture fixture)
{
    [Fact]
    public async Task Dispose_ContainerDisposedSynchronouslyWhileFollowing_StopsWithoutThrowing()
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddRegistryClient(options => options.Url = fixture.BaseAddress.ToString());
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<RegistryServiceCache>().GetAsync(Instances.UniqueService("sync-dispose"));

        // A container holding an IAsyncDisposable-only singleton throws on a synchronous Dispose.
        var error = Record.Exception(provider.Dispose);

        Assert.Null(error);
    }
}
