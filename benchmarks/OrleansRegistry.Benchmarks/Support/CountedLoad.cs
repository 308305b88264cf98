using System.Diagnostics;

namespace OrleansRegistry.Benchmarks.Support;

/// <summary>A fixed amount of work done by <c>concurrency</c> callers; returns completions per second.</summary>
internal static class CountedLoad
{
    public static async Task<double> RunAsync(int count, int concurrency, Func<int, Task> operation)
    {
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            await Task.Yield();
            int index;
            while ((index = Interlocked.Increment(ref next)) < count)
            {
                await operation(index);
            }
        });
        await Task.WhenAll(workers);
        return count / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }
}
