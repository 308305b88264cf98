using System.Diagnostics;

namespace OrleansRegistry.TestSupport;

/// <summary>
/// The one way the tests and the benchmarks wait: checks a condition every few milliseconds until it
/// holds, and fails with what was expected once a deadline has passed. Never a bare sleep.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>Waits until <paramref name="condition"/> holds.</summary>
    /// <param name="expectation">What should come true, as in "expected within 10 s: the instance to be healthy".</param>
    /// <exception cref="TimeoutException">The condition still did not hold after <paramref name="deadline"/>.</exception>
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan deadline, string expectation)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var started = Stopwatch.GetTimestamp();
        while (!await condition())
        {
            if (Stopwatch.GetElapsedTime(started) > deadline)
            {
                throw new TimeoutException($"expected within {deadline.TotalSeconds:0.###} s: {expectation}");
            }

            await Task.Delay(PollInterval);
        }
    }

    /// <inheritdoc cref="TrueAsync(Func{Task{bool}}, TimeSpan, string)"/>
    public static Task TrueAsync(Func<bool> condition, TimeSpan deadline, string expectation)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return TrueAsync(() => Task.FromResult(condition()), deadline, expectation);
    }
}
