namespace OrleansRegistry.Storage;

/// <summary>
/// Group commit for a reentrant grain. A change is applied to memory at once, in the caller's
/// turn, then stored by one write that covers every change made before that write started; a
/// caller returns only once a write that includes its change (and what the write step does after
/// storing, such as publishing) has completed, so acknowledged changes are durable. Writes never
/// overlap, and changes made while one is in flight go with the next. When a write fails, every
/// change not yet stored is undone, newest first, and each of their callers gets the error: memory
/// is back to the last stored state.
/// </summary>
public sealed class CoalescingCommitter(Func<Task> writeAsync)
{
    // Undo actions of the changes not yet stored, oldest first.
    private readonly List<Action> _unstored = [];
    private long _changes;
    private long _stored;
    private Task? _inFlight;

    /// <summary>True while some change is not yet stored.</summary>
    public bool HasUnstoredChanges => _stored < _changes;

    /// <summary>Call right after applying a change, with how to undo it; completes when it is stored.</summary>
    public async Task CommitAsync(Action undo)
    {
        ArgumentNullException.ThrowIfNull(undo);
        _unstored.Add(undo);
        var mine = ++_changes;
        while (_stored < mine)
        {
            await (_inFlight ??= WriteAsync());
        }
    }

    private async Task WriteAsync()
    {
        try
        {
            // Yield first so that the changes of the same burst join this write.
            await Task.Yield();
            var covers = _changes;
            var count = _unstored.Count;
            try
            {
                await writeAsync();
            }
            catch
            {
                for (var i = _unstored.Count - 1; i >= 0; i--)
                {
                    _unstored[i]();
                }

                _unstored.Clear();
                _stored = _changes;
                throw;
            }

            _unstored.RemoveRange(0, count);
            _stored = covers;
        }
        finally
        {
            // Cleared before the task completes, so no caller can pick up a finished write.
            _inFlight = null;
        }
    }
}
