using System.Collections.Concurrent;
using OrleansRegistry.Model;

namespace OrleansRegistry.Diagnostics;

/// <summary>
/// The last <see cref="Window"/> of each service's instance counts on this silo, one sample every
/// <see cref="SampleInterval"/>, for the registry view's plots. Memory is bounded: at most
/// <see cref="Capacity"/> samples per service, and a service leaves once its copy is gone or it
/// has been empty for the whole window. Nothing is stored: a restarted silo starts a new history.
/// </summary>
public sealed class ServiceHistory
{
    public static readonly TimeSpan SampleInterval = TimeSpan.FromSeconds(10);

    public const int Capacity = 90;

    public static readonly TimeSpan Window = SampleInterval * Capacity;

    private readonly ConcurrentDictionary<string, Ring> _services = new(StringComparer.Ordinal);

    /// <summary>The services with a history.</summary>
    public int Count => _services.Count;

    /// <summary>Takes one sample of every service in <paramref name="snapshots"/> and forgets the services not among them.</summary>
    public void Record(DateTimeOffset at, IEnumerable<ServiceSnapshot> snapshots)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var snapshot in snapshots)
        {
            seen.Add(snapshot.ServiceName);
            var ring = _services.GetOrAdd(snapshot.ServiceName, static _ => new Ring());
            if (!ring.Add(HistorySample.Of(at, snapshot.Instances)))
            {
                _services.TryRemove(snapshot.ServiceName, out _);
            }
        }

        foreach (var name in _services.Keys)
        {
            if (!seen.Contains(name))
            {
                _services.TryRemove(name, out _);
            }
        }
    }

    /// <summary>The samples of <paramref name="serviceName"/>, oldest first; empty when it has none.</summary>
    public IReadOnlyList<HistorySample> Of(string serviceName) =>
        _services.TryGetValue(serviceName, out var ring) ? ring.ToArray() : [];

    private sealed class Ring
    {
        private readonly Lock _gate = new();
        private readonly Queue<HistorySample> _samples = new(Capacity);
        private int _nonEmpty;

        /// <summary>Adds a sample, dropping the oldest when full; false when every sample held is of an empty service.</summary>
        public bool Add(HistorySample sample)
        {
            lock (_gate)
            {
                if (_samples.Count == Capacity && _samples.Dequeue().Total > 0)
                {
                    _nonEmpty--;
                }

                _samples.Enqueue(sample);
                if (sample.Total > 0)
                {
                    _nonEmpty++;
                }

                return _nonEmpty > 0;
            }
        }

        public HistorySample[] ToArray()
        {
            lock (_gate)
            {
                return [.. _samples];
            }
        }
    }
}
