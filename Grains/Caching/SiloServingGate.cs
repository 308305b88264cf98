using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansRegistry.Errors;

namespace OrleansRegistry.Caching;

/// <summary>
/// Whether this silo may answer from its copies. It may while Orleans lists it as an Active member
/// and it has not been paused since it last confirmed that. A pause (SIGSTOP, a debugger, a long
/// freeze of the machine) is seen as a gap in a heartbeat kept by a thread of its own, so a busy
/// thread pool does not look like one. After a pause the silo may have missed pushes (writers stop
/// waiting for a silo that does not acknowledge within <see cref="Options.BalancerOptions.PublishTimeout"/>),
/// so its copies are reloaded from the service grains before use; after a long one it may also have
/// been declared dead meanwhile, so it serves nothing until it has re-read the membership and still
/// finds itself Active.
/// </summary>
public sealed partial class SiloServingGate(
    IClusterMembershipService membership,
    ILocalSiloDetails localSilo,
    ILogger<SiloServingGate> logger) : IHostedService
{
    // A pause is a fact of real time, whatever clock the registry's logic runs on (tests move a fake one).
    private static readonly TimeProvider RealTime = TimeProvider.System;

    /// <summary>How often the heartbeat thread beats.</summary>
    public static readonly TimeSpan Beat = TimeSpan.FromMilliseconds(20);

    /// <summary>A gap longer than this between beats is a pause: the copies held are reloaded before use.</summary>
    public static readonly TimeSpan PauseThreshold = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// A pause at least this long may have outlasted failure detection (a few seconds here): the silo
    /// re-reads the membership before it answers again. Shorter ones (a loaded machine's scheduling
    /// hiccups among them) only reload the copies, without asking the membership storage.
    /// </summary>
    public static readonly TimeSpan ConfirmAfterPause = TimeSpan.FromSeconds(1);

    /// <summary>How long a request waits for the membership to be re-read after a pause.</summary>
    public static readonly TimeSpan ConfirmTimeout = TimeSpan.FromSeconds(2);

    /// <summary>After a failed confirmation, how long before a request may start another.</summary>
    public static readonly TimeSpan ConfirmRetry = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private volatile bool _stopping;
    private Thread? _heart;
    private long _lastBeat = RealTime.GetTimestamp();
    private Task<bool>? _confirming;
    private long _confirmStartedAt;
    private long _pauses;

    /// <summary>Grows with every pause seen: a copy held from before the current count must be reloaded.</summary>
    public long Pauses => Interlocked.Read(ref _pauses);

    /// <summary>Completes when the silo may answer; throws <see cref="SiloNotServingException"/> when it may not.</summary>
    public ValueTask EnsureServingAsync()
    {
        if (PausedSinceLastBeat())
        {
            OnPaused();
        }

        var confirming = Volatile.Read(ref _confirming);
        if (confirming is null)
        {
            return IsActiveMember() ? ValueTask.CompletedTask : throw new SiloNotServingException();
        }

        if (confirming is { IsCompletedSuccessfully: true, Result: false } && RealTime.GetElapsedTime(Interlocked.Read(ref _confirmStartedAt)) > ConfirmRetry)
        {
            confirming = StartConfirming(pause: null);
        }

        return new ValueTask(WaitConfirmedAsync(confirming));
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _lastBeat, RealTime.GetTimestamp());
        _heart = new Thread(BeatUntilStopped) { IsBackground = true, Name = "registry serving gate" };
        _heart.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        _heart?.Join(TimeSpan.FromSeconds(1));
        return Task.CompletedTask;
    }

    private static async Task WaitConfirmedAsync(Task<bool> confirming)
    {
        bool confirmed;
        try
        {
            confirmed = await confirming.WaitAsync(ConfirmTimeout);
        }
        catch (TimeoutException)
        {
            confirmed = false;
        }

        if (!confirmed)
        {
            throw new SiloNotServingException("This silo was paused and has not confirmed that it is still an active member of the cluster.");
        }
    }

    private bool IsActiveMember() => membership.CurrentSnapshot.GetSiloStatus(localSilo.SiloAddress) == SiloStatus.Active;

    private bool PausedSinceLastBeat() =>
        RealTime.GetElapsedTime(Interlocked.Read(ref _lastBeat)) > PauseThreshold;

    private void BeatUntilStopped()
    {
        while (!_stopping)
        {
            if (PausedSinceLastBeat())
            {
                OnPaused();
            }

            Interlocked.Exchange(ref _lastBeat, RealTime.GetTimestamp());
            Thread.Sleep(Beat);
        }
    }

    /// <summary>Closes the gate until the membership is re-read; the copies held are reloaded before use.</summary>
    private void OnPaused()
    {
        lock (_gate)
        {
            // The request that noticed and the heartbeat may both get here: the first one handles it.
            if (!PausedSinceLastBeat())
            {
                return;
            }

            var pause = RealTime.GetElapsedTime(Interlocked.Read(ref _lastBeat));
            Interlocked.Exchange(ref _lastBeat, RealTime.GetTimestamp());
            Interlocked.Increment(ref _pauses);
            if (pause >= ConfirmAfterPause)
            {
                StartConfirming(pause);
            }
        }
    }

    private Task<bool> StartConfirming(TimeSpan? pause)
    {
        lock (_gate)
        {
            if (Volatile.Read(ref _confirming) is { IsCompleted: false } running)
            {
                return running;
            }

            if (pause is { } paused)
            {
                LogPaused(logger, paused);
            }

            Interlocked.Exchange(ref _confirmStartedAt, RealTime.GetTimestamp());
            var confirming = ConfirmAsync();
            Volatile.Write(ref _confirming, confirming);
            return confirming;
        }
    }

    private async Task<bool> ConfirmAsync()
    {
        await Task.Yield();
        bool active;
        try
        {
            await membership.Refresh();
            active = IsActiveMember();
        }
        catch (Exception exception)
        {
            LogConfirmFailed(logger, exception);
            active = false;
        }

        if (active)
        {
            // Open again; a later pause starts a new confirmation.
            lock (_gate)
            {
                Volatile.Write(ref _confirming, null);
            }

            LogConfirmed(logger);
        }
        else
        {
            LogNotActive(logger, membership.CurrentSnapshot.GetSiloStatus(localSilo.SiloAddress));
        }

        return active;
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Silo was paused for {Pause}; it serves nothing until it confirms its membership")]
    private static partial void LogPaused(ILogger logger, TimeSpan pause);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Silo confirmed it is still an active member; serving again")]
    private static partial void LogConfirmed(ILogger logger);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Warning, Message = "Silo is {Status} in the cluster's membership; it keeps refusing to serve")]
    private static partial void LogNotActive(ILogger logger, SiloStatus status);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Warning, Message = "Re-reading the membership after a pause failed")]
    private static partial void LogConfirmFailed(ILogger logger, Exception exception);
}
