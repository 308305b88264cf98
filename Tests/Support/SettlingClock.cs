using Microsoft.Extensions.Time.Testing;

namespace OrleansRegistry.Tests.Support;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that tells when the work its timers set off is done. Orleans arms
/// a grain timer one tick at a time: the timer fires, the tick runs on the grain, and only when the
/// tick has finished is the timer armed again (or disposed). So a one-shot timer that fired and was
/// not armed again or disposed since is a tick still running, and the clock is settled when there is
/// none.
/// </summary>
public sealed class SettlingClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private int _running;

    /// <summary>True when every one-shot timer that fired has been armed again or disposed.</summary>
    public bool Settled => Volatile.Read(ref _running) == 0;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new TrackedTimer(this, period);
        timer.Attach(base.CreateTimer(
            callbackState =>
            {
                timer.OnFired();
                callback(callbackState);
            },
            state,
            dueTime,
            period));
        return timer;
    }

    private sealed class TrackedTimer(SettlingClock clock, TimeSpan period) : ITimer
    {
        private ITimer? _inner;
        private TimeSpan _period = period;
        private int _fired;

        public void Attach(ITimer inner) => _inner = inner;

        public void OnFired()
        {
            // A periodic timer stays armed after it fires: nothing to wait for.
            var oneShot = _period == Timeout.InfiniteTimeSpan || _period == TimeSpan.Zero;
            if (oneShot && Interlocked.Exchange(ref _fired, 1) == 0)
            {
                Interlocked.Increment(ref clock._running);
            }
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            _period = period;
            Rearmed();
            return _inner!.Change(dueTime, period);
        }

        public void Dispose()
        {
            Rearmed();
            _inner?.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Rearmed();
            return _inner?.DisposeAsync() ?? ValueTask.CompletedTask;
        }

        private void Rearmed()
        {
            if (Interlocked.Exchange(ref _fired, 0) == 1)
            {
                Interlocked.Decrement(ref clock._running);
            }
        }
    }
}
