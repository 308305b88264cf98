namespace OrleansRegistry.Benchmarks.InProcess;

/// <summary>Storage writes (and clears) of the registry's grain state since the last reset.</summary>
internal sealed class WriteCounter
{
    private long _writes;

    public long Writes => Interlocked.Read(ref _writes);

    public void Add() => Interlocked.Increment(ref _writes);

    public void Reset() => Interlocked.Exchange(ref _writes, 0);
}
