namespace OrleansRegistry.Tests.Fixtures;

/// <summary>Holds a service grain's storage writes until released, then lets them through or fails them.</summary>
public sealed class WriteGate
{
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<bool> _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _held;

    /// <summary>Completes when the first write reached the gate.</summary>
    public Task Entered => _entered.Task;

    /// <summary>Writes that reached the gate so far.</summary>
    public int Held => Volatile.Read(ref _held);

    /// <summary>Lets the held writes (and every later one) through, or fails them.</summary>
    public void Release(bool fail = false) => _released.TrySetResult(fail);

    /// <summary>Waits for the release; true when the write must fail.</summary>
    public Task<bool> PassAsync()
    {
        Interlocked.Increment(ref _held);
        _entered.TrySetResult();
        return _released.Task;
    }
}
