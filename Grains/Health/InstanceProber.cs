using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansRegistry.Diagnostics;
using OrleansRegistry.Options;

namespace OrleansRegistry.Health;

/// <summary>
/// Runs one round of probes for a service: all targets concurrently, at most
/// <see cref="HealthCheckOptions.MaxConcurrentProbes"/> at a time, each within
/// <see cref="HealthCheckOptions.Timeout"/>. Never throws: every target gets a result.
/// </summary>
public sealed partial class InstanceProber(
    HttpProber http,
    TcpProber tcp,
    RegistryMetrics metrics,
    IOptions<HealthCheckOptions> options,
    TimeProvider timeProvider,
    ILogger<InstanceProber> logger)
{
    public async Task<ProbeResult[]> ProbeAllAsync(string serviceName, IReadOnlyList<ProbeTarget> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        using var gate = new SemaphoreSlim(options.Value.MaxConcurrentProbes);
        var probes = new Task<ProbeResult>[targets.Count];
        for (var i = 0; i < targets.Count; i++)
        {
            probes[i] = ProbeOneAsync(serviceName, targets[i], gate);
        }

        return await Task.WhenAll(probes);
    }

    private async Task<ProbeResult> ProbeOneAsync(string serviceName, ProbeTarget target, SemaphoreSlim gate)
    {
        await gate.WaitAsync();
        try
        {
            var started = timeProvider.GetTimestamp();
            var outcome = await ProbeWithTimeoutAsync(serviceName, target);
            var latency = timeProvider.GetElapsedTime(started);
            metrics.Probed(target.Kind == ProbeKind.Tcp ? "tcp" : "http", outcome.Passed, latency);
            return new ProbeResult(target.InstanceId, target.Generation, outcome.Passed, outcome.Detail) { Latency = latency };
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<ProbeOutcome> ProbeWithTimeoutAsync(string serviceName, ProbeTarget target)
    {
        var timeout = options.Value.Timeout;
        using var deadline = new CancellationTokenSource(timeout, timeProvider);
        try
        {
            return target.Kind switch
            {
                ProbeKind.Http when target.Url is not null => await http.ProbeAsync(new Uri(target.Url), deadline.Token),
                ProbeKind.Tcp => await tcp.ProbeAsync(target.Host, target.Port, deadline.Token),
                _ => ProbeOutcome.Fail("nothing to probe"),
            };
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return ProbeOutcome.Fail($"timed out after {timeout.TotalMilliseconds:0} ms");
        }
        catch (ProbeRefusedException refused)
        {
            LogProbeRefused(logger, serviceName, target.InstanceId, refused.Message);
            return ProbeOutcome.Fail($"refused: {refused.Message}");
        }
        catch (Exception exception)
        {
            LogProbeError(logger, exception, serviceName, target.InstanceId);
            return ProbeOutcome.Fail($"probe error: {exception.GetType().Name}");
        }
    }
}
