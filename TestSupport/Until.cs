using System.Diagnostics;

namespace OrleansRegistry.TestSupport;

/// <summary>Waits for a condition with a deadline, never a bare sleep.</summary>
public static class Until
{
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan deadline, string what)
    {
        var started = Stopwatch.GetTimestamp();
        while (!await condition())
        {
            if (Stopwatch.GetElapsedTime(started) > deadline)
            {
                throw new TimeoutException($"timed out after {deadline.TotalSeconds:0} s waiting for {what}");
            }

            await Task.Delay(20);
        }
    }
}
