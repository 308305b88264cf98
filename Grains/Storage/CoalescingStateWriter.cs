namespace OrleansRegistry.Storage;

/// <summary>
/// Serializes the writes of a reentrant grain's state and folds the changes made while a write is
/// in flight into the next one. Every caller returns only once a write that includes its change
/// has completed, so acknowledged changes are durable; one storage round trip serves many callers.
/// </summary>
public sealed class CoalescingStateWriter<TState>(IPersistentState<TState> state)
{
    private long _changes;
    private long _persisted;
    private Task? _inFlight;

    /// <summary>Call after changing the state; completes when the change is stored.</summary>
    public async Task PersistAsync()
    {
        var mine = ++_changes;
        while (_persisted < mine)
        {
            var write = _inFlight ??= WriteAsync();
            try
            {
                await write;
            }
            finally
            {
                if (ReferenceEquals(_inFlight, write))
                {
                    _inFlight = null;
                }
            }
        }
    }

    private async Task WriteAsync()
    {
        // Yield first so that changes made in the same turn burst join this write.
        await Task.Yield();
        var covers = _changes;
        await state.WriteStateAsync();
        _persisted = Math.Max(_persisted, covers);
    }
}
