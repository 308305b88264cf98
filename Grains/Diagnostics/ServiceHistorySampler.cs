using Microsoft.Extensions.Hosting;
using OrleansRegistry.Caching;

namespace OrleansRegistry.Diagnostics;

/// <summary>Offers this silo's copy of every service to <see cref="ServiceHistory"/> at start and every <see cref="ServiceHistory.CheckInterval"/>.</summary>
public sealed class ServiceHistorySampler(SiloServiceCache cache, ServiceHistory history, TimeProvider timeProvider) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(ServiceHistory.CheckInterval, timeProvider);
        try
        {
            do
            {
                history.Record(timeProvider.GetUtcNow(), cache.Entries.Select(entry => entry.Snapshot));
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The silo is stopping.
        }
    }
}
