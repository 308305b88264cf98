using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Storage;
using OrleansRegistry.Storage;

namespace OrleansRegistry.Silo.Http;

/// <summary>Ready only while the registry's storage answers a read (of a record that is never written) within <see cref="Timeout"/>.</summary>
internal sealed class StorageHealthCheck([FromKeyedServices(RegistryStorage.Name)] IGrainStorage storage) : IHealthCheck
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    private static readonly GrainId RecordId = GrainId.Create("registry-readiness", "probe");

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await storage.ReadStateAsync("readiness", RecordId, new GrainState<StorageHealthCheckRecord>()).WaitAsync(Timeout, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"Storage '{RegistryStorage.Name}' did not answer within {Timeout.TotalSeconds:0} s.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"Storage '{RegistryStorage.Name}' failed a read: {exception.GetType().Name}.");
        }
    }
}
