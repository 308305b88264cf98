using System.Globalization;
using Orleans.Storage;

namespace OrleansRegistry.Benchmarks.InProcess;

/// <summary>
/// Storage that keeps nothing in the silo's memory, as a remote store (Azure Table) does not:
/// writes succeed and are dropped, reads find nothing. Used where the silo's own memory is
/// measured; only valid while no grain reactivates during the run.
/// </summary>
internal sealed class RemoteLikeGrainStorage : IGrainStorage
{
    private long _etag;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.CompletedTask;

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        grainState.ETag = Interlocked.Increment(ref _etag).ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }
}
