namespace OrleansRegistry.Storage;

/// <summary>
/// Group commit for a reentrant grain. A caller changes memory in its own turn, then awaits
/// <see cref="CommitAsync"/>, which completes once a write that includes its change (and what the
/// write step does after storing, such as publishing) has completed, so acknowledged changes are
/// durable. Writes never overlap; changes made while one is in flight go with the next, so a burst
/// of changes costs a few storage round trips, not one each. When a write fails, every change not
/// yet stored fails with it: each of their callers gets the error. What memory holds then is the
/// write step's business (it knows what was stored); nothing here undoes anything.
/// </summary>
public sealed class GroupCommit(Func<Task> writeAsync)
{
    private long _changes;
    private long _settled;
    private Task? _inFlight;

    /// <summary>True while some change is neither stored nor failed.</summary>
    public bool HasUnstoredChanges => _settled < _changes;

    /// <summary>Call right after changing memory; completes when the change is stored, throws when its write failed.</summary>
    public async Task CommitAsync()
    {
        var mine = ++_changes;
        while (_settled < mine)
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
            try
            {
                await writeAsync();
            }
            catch
            {
                // Changes made while the failed write ran fail too: the write step has put memory back to what is stored.
                _settled = _changes;
                throw;
            }

            _settled = covers;
        }
        finally
        {
            // Cleared before the task completes, so no caller can pick up a finished write.
            _inFlight = null;
        }
    }
}
