using Orleans.Storage;

namespace OrleansRegistry.Benchmarks.InProcess;

/// <summary>Wraps the "registry" storage provider and counts every write that reaches it.</summary>
internal sealed class CountingGrainStorage(IGrainStorage inner, WriteCounter counter) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        counter.Add();
        return inner.WriteStateAsync(stateName, grainId, grainState);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        counter.Add();
        return inner.ClearStateAsync(stateName, grainId, grainState);
    }
}
