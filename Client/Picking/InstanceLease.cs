using OrleansRegistry.Model;

namespace OrleansRegistry.Client.Picking;

/// <summary>
/// A picked instance and the connection counted on it. Disposing returns the count; a second
/// dispose does nothing. Every path of a call disposes its lease.
/// </summary>
public sealed class InstanceLease : IAsyncDisposable
{
    private Func<ValueTask>? _release;

    internal InstanceLease(ServiceInstance instance, Func<ValueTask>? release)
    {
        Instance = instance;
        _release = release;
    }

    public ServiceInstance Instance { get; }

    public ValueTask DisposeAsync()
    {
        var release = Interlocked.Exchange(ref _release, null);
        return release is null ? default : release();
    }
}
