using System.Diagnostics;

namespace OrleansRegistry.Benchmarks.Support;

/// <summary>
/// A closed-loop load: <c>concurrency</c> callers each start the next operation as soon as the
/// previous one completes, so that many are outstanding at all times. Counts only what completes
/// inside the measured window, after a warm-up.
/// </summary>
internal static class ClosedLoop
{
    public static async Task<LoadResult> RunAsync(Func<Task> operation, int concurrency, TimeSpan warmup, TimeSpan duration)
    {
        var state = new LoopState();
        var workers = new Task<Worker>[concurrency];
        for (var i = 0; i < concurrency; i++)
        {
            workers[i] = RunWorkerAsync(operation, state);
        }

        await Task.Delay(warmup);
        var started = Stopwatch.GetTimestamp();
        Volatile.Write(ref state.MeasuringSince, started);
        await Task.Delay(duration);
        var stopped = Stopwatch.GetTimestamp();
        Volatile.Write(ref state.StoppedAt, stopped);
        var done = await Task.WhenAll(workers);

        var latencies = new List<double>();
        long operations = 0, errors = 0;
        foreach (var worker in done)
        {
            operations += worker.Operations;
            errors += worker.Errors;
            latencies.AddRange(worker.Latencies);
        }

        var seconds = Stopwatch.GetElapsedTime(started, stopped).TotalSeconds;
        return new LoadResult(operations / seconds, operations, errors, Percentiles.Of(latencies));
    }

    private static async Task<Worker> RunWorkerAsync(Func<Task> operation, LoopState state)
    {
        // Start every caller on the thread pool so that they do not run one after another on this thread.
        await Task.Yield();
        var worker = new Worker();
        while (true)
        {
            var begin = Stopwatch.GetTimestamp();
            var stoppedAt = Volatile.Read(ref state.StoppedAt);
            if (stoppedAt != 0)
            {
                return worker;
            }

            var failed = false;
            try
            {
                await operation();
            }
            catch (Exception)
            {
                failed = true;
            }

            var end = Stopwatch.GetTimestamp();
            var since = Volatile.Read(ref state.MeasuringSince);
            stoppedAt = Volatile.Read(ref state.StoppedAt);
            if (since != 0 && begin >= since && (stoppedAt == 0 || end <= stoppedAt))
            {
                if (failed)
                {
                    worker.Errors++;
                }
                else
                {
                    worker.Operations++;
                    worker.Latencies.Add(Stopwatch.GetElapsedTime(begin, end).TotalMilliseconds);
                }
            }
        }
    }

    private sealed class LoopState
    {
        public long MeasuringSince;
        public long StoppedAt;
    }

    private sealed class Worker
    {
        public long Operations;
        public long Errors;
        public readonly List<double> Latencies = [];
    }
}
