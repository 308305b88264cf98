using System.Collections.Concurrent;
using OrleansRegistry.Model;

namespace OrleansRegistry.Diagnostics;

/// <summary>
/// The last <see cref="Window"/> of each service's instance counts on this silo, for the registry
/// view's plots: a sample every <see cref="SampleInterval"/>, and one as soon as the copy changed
/// (the sampler looks every <see cref="CheckInterval"/>). Memory is bounded: at most
/// <see cref="MaxSamples"/> per service (a service changing more often than every 5 s shows less
/// than the window), and a service leaves once its copy is gone or it has been empty for the whole
/// window. Nothing is stored: a restarted silo starts a new history.
/// </summary>
public sealed class ServiceHistory
{
    public static readonly TimeSpan SampleInterval = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    public const int MaxSamples = 180;

    private readonly ConcurrentDictionary<string, Ring> _services = new(StringComparer.Ordinal);

    /// <summary>The services with a history.</summary>
    public int Count => _services.Count;

    /// <summary>
    /// Samples every service in <paramref name="snapshots"/> that changed or was last sampled an
    /// interval ago, and forgets the services not among them.
    /// </summary>
    public void Record(DateTimeOffset at, IEnumerable<ServiceSnapshot> snapshots)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var snapshot in snapshots)
        {
            seen.Add(snapshot.ServiceName);
            var ring = _services.GetOrAdd(snapshot.ServiceName, static _ => new Ring());
            if (!ring.Offer(at, snapshot))
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
        private readonly Queue<HistorySample> _samples = new();
        private long _index = -1;
        private int _nonEmpty;

        /// <summary>Adds a sample when due, dropping those out of the window; false when every sample held is of an empty service.</summary>
        public bool Offer(DateTimeOffset at, ServiceSnapshot snapshot)
        {
            lock (_gate)
            {
                var due = _samples.Count == 0 || snapshot.Index != _index || at - _samples.Last().At >= SampleInterval;
                if (due)
                {
                    var sample = HistorySample.Of(at, snapshot.Instances);
                    _samples.Enqueue(sample);
                    _index = snapshot.Index;
                    _nonEmpty += sample.Total > 0 ? 1 : 0;
                }

                while (_samples.Count > 0 && (_samples.Count > MaxSamples || _samples.Peek().At <= at - Window))
                {
                    _nonEmpty -= _samples.Dequeue().Total > 0 ? 1 : 0;
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
