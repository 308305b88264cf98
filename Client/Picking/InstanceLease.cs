using OrleansRegistry.Model;

namespace OrleansRegistry.Client.Picking;

/// <summary>
/// A picked instance and the connection counted on it. Disposing returns the count; a second
/// dispose does nothing. Every path of a call disposes its lease.
/// </summary>
public sealed class InstanceLease : IAsyncDisposable
{
    private Func<ValueTask>? _release;

    internal InstanceLease(ServiceInstance instance, bool zoneFallback, Func<ValueTask>? release)
    {
        Instance = instance;
        ZoneFallback = zoneFallback;
        _release = release;
    }

    public ServiceInstance Instance { get; }

    /// <summary>True when a zone was asked for but none of its instances was eligible, so the pick came from every zone.</summary>
    public bool ZoneFallback { get; }

    public ValueTask DisposeAsync()
    {
        var release = Interlocked.Exchange(ref _release, null);
        return release is null ? default : release();
    }
}
