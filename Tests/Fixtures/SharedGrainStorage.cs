using Orleans.Serialization;
using Orleans.Storage;

namespace OrleansRegistry.Tests.Fixtures;

/// <summary>One silo's door into a <see cref="SharedGrainStore"/>; states are stored serialized, so silos never share objects.</summary>
public sealed class SharedGrainStorage(SharedGrainStore store, Serializer serializer) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (store.TryRead(SharedGrainStore.KeyOf(stateName, grainId), out var row))
        {
            grainState.State = serializer.Deserialize<T>(row.State);
            grainState.ETag = row.ETag;
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var etag = store.TryWrite(SharedGrainStore.KeyOf(stateName, grainId), serializer.SerializeToArray(grainState.State), grainState.ETag)
            ?? throw new InconsistentStateException($"ETag mismatch writing {stateName} of {grainId}");
        grainState.ETag = etag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        store.Remove(SharedGrainStore.KeyOf(stateName, grainId));
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }
}
