using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using OrleansRegistry.Silo.Http;
using OrleansRegistry.Tests.Fixtures;

namespace OrleansRegistry.Tests.Http;

/// <summary>The probe against the fixture silo's real membership, with storage that fails or hangs.</summary>
[Collection(RegistryHttpCollection.Name)]
public sealed class ReadinessProbeTests(RegistryHttpFixture fixture)
{
    [Fact]
    public async Task Check_StorageThrows_ReportsNotReadyNamingTheStorage()
    {
        var probe = Probe(new FailingStorage(Task.FromException(new IOException("disk gone"))));

        var problem = await probe.CheckAsync(CancellationToken.None);

        Assert.NotNull(problem);
        Assert.Contains("registry", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_StorageHangs_ReportsNotReadyAfterTheTimeout()
    {
        var never = new TaskCompletionSource();
        var probe = Probe(new FailingStorage(never.Task));

        var problem = await probe.CheckAsync(CancellationToken.None).WaitAsync(ReadinessProbe.StorageTimeout * 5);

        Assert.NotNull(problem);
        Assert.Contains("did not answer", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_RealStorage_IsReady()
    {
        var probe = fixture.Services.GetRequiredService<ReadinessProbe>();

        Assert.Null(await probe.CheckAsync(CancellationToken.None));
    }

    private ReadinessProbe Probe(IGrainStorage storage) => new(
        fixture.Services.GetRequiredService<IClusterMembershipService>(),
        fixture.Services.GetRequiredService<ILocalSiloDetails>(),
        storage);

    private sealed class FailingStorage(Task outcome) : IGrainStorage
    {
        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => outcome;

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => outcome;

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => outcome;
    }
}
