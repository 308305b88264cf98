namespace OrleansRegistry.Tests.Fixtures;

/// <summary>
/// A reminder table outside any silo, shared by the in-process silos of one test cluster. Orleans'
/// in-memory reminder table lives in a grain and dies with its silo; a real table does not.
/// </summary>
public sealed class SharedReminderTable : IReminderTable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(GrainId Grain, string Name), ReminderEntry> _rows = [];

    public Task<ReminderTableData> ReadRows(GrainId grainId) =>
        Task.FromResult(Select(entry => entry.GrainId == grainId));

    public Task<ReminderTableData> ReadRows(uint begin, uint end) =>
        Task.FromResult(Select(entry =>
        {
            var hash = entry.GrainId.GetUniformHashCode();
            return begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;
        }));

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName)
    {
        lock (_gate)
        {
            return Task.FromResult(_rows.TryGetValue((grainId, reminderName), out var entry) ? Copy(entry) : null);
        }
    }

    public Task<string?> UpsertRow(ReminderEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate)
        {
            var stored = Copy(entry);
            stored.ETag = Guid.NewGuid().ToString("N");
            _rows[(entry.GrainId, entry.ReminderName)] = stored;
            return Task.FromResult<string?>(stored.ETag);
        }
    }

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        lock (_gate)
        {
            var removed = _rows.TryGetValue((grainId, reminderName), out var entry) && entry.ETag == eTag && _rows.Remove((grainId, reminderName));
            return Task.FromResult(removed);
        }
    }

    public Task TestOnlyClearTable()
    {
        lock (_gate)
        {
            _rows.Clear();
        }

        return Task.CompletedTask;
    }

    private static ReminderEntry Copy(ReminderEntry entry) => new()
    {
        GrainId = entry.GrainId,
        ReminderName = entry.ReminderName,
        StartAt = entry.StartAt,
        Period = entry.Period,
        ETag = entry.ETag,
    };

    private ReminderTableData Select(Func<ReminderEntry, bool> predicate)
    {
        lock (_gate)
        {
            return new ReminderTableData(_rows.Values.Where(predicate).Select(Copy).ToList());
        }
    }
}
