using System.Diagnostics;

namespace OrleansRegistry.Tests.Support;

/// <summary>Waits for a condition with a deadline, failing with a message that says what was expected.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan deadline, string expectation)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (await condition())
            {
                return;
            }

            if (clock.Elapsed > deadline)
            {
                Assert.Fail($"Expected within {deadline}: {expectation}");
            }

            await Task.Delay(20);
        }
    }
}
