using System.Collections.Concurrent;

namespace OrleansRegistry.Wire;

/// <summary>
/// A concurrent table that makes each value once and starts over when it is full: memory stays
/// bounded however many distinct keys pass through, and a key that comes back is simply made again.
/// </summary>
internal sealed class BoundedTable<TKey, TValue>(int capacity, IEqualityComparer<TKey> comparer, Func<TKey, TValue> make)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _values = new(comparer);

    public TValue Get(TKey key)
    {
        if (_values.TryGetValue(key, out var known))
        {
            return known;
        }

        var made = make(key);
        if (_values.Count >= capacity)
        {
            _values.Clear();
        }

        return _values.GetOrAdd(key, made);
    }
}
