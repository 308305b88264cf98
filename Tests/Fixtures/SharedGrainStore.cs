using System.Collections.Concurrent;

namespace OrleansRegistry.Tests.Fixtures;

/// <summary>
/// Grain state kept outside any silo, shared by the in-process silos of one test cluster, so that
/// killing a silo loses nothing that was stored (as with a real database). Counts writes.
/// </summary>
public sealed class SharedGrainStore
{
    private readonly ConcurrentDictionary<string, (byte[] State, string ETag)> _rows = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _writes = new(StringComparer.Ordinal);

    public static string KeyOf(string stateName, GrainId grainId) => $"{stateName}/{grainId}";

    /// <summary>How many writes the grain's state of <paramref name="stateName"/> has had.</summary>
    public int Writes(string stateName, GrainId grainId) => _writes.GetValueOrDefault(KeyOf(stateName, grainId));

    public bool TryRead(string key, out (byte[] State, string ETag) row) => _rows.TryGetValue(key, out row);

    /// <summary>Stores when <paramref name="expectedETag"/> matches the stored one; returns the new ETag, or null on a conflict.</summary>
    public string? TryWrite(string key, byte[] state, string? expectedETag)
    {
        lock (_rows)
        {
            var exists = _rows.TryGetValue(key, out var current);
            if ((exists ? current.ETag : null) != expectedETag)
            {
                return null;
            }

            var etag = Guid.NewGuid().ToString("N");
            _rows[key] = (state, etag);
            _writes.AddOrUpdate(key, 1, (_, count) => count + 1);
            return etag;
        }
    }

    public void Remove(string key) => _rows.TryRemove(key, out _);
}
