namespace OrleansRegistry.Benchmarks.Support;

/// <summary>
/// A process (or cluster) a figure uses: its own, stopped when the figure disposes this, or one the
/// run shares, which the run stops at its end.
/// </summary>
internal sealed class ProcessUse<T>(T process, bool owned) : IAsyncDisposable
    where T : IAsyncDisposable
{
    public T Process => process;

    public ValueTask DisposeAsync() => owned ? process.DisposeAsync() : ValueTask.CompletedTask;
}
