using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using OrleansRegistry.Storage;

namespace OrleansRegistry.Silo.Http;

/// <summary>
/// Whether this silo can serve: it is an active member of the cluster and the registry's storage
/// answers a read (of a record that is never written) within <see cref="StorageTimeout"/>.
/// </summary>
public sealed class ReadinessProbe(
    IClusterMembershipService membership,
    ILocalSiloDetails localSilo,
    [FromKeyedServices(RegistryStorage.Name)] IGrainStorage storage)
{
    public static readonly TimeSpan StorageTimeout = TimeSpan.FromSeconds(2);

    private static readonly GrainId ProbeId = GrainId.Create("registry-readiness", "probe");

    /// <summary>Null when ready; otherwise why not.</summary>
    public async Task<string?> CheckAsync(CancellationToken cancellationToken)
    {
        var status = membership.CurrentSnapshot.GetSiloStatus(localSilo.SiloAddress);
        if (status != SiloStatus.Active)
        {
            return $"The silo is {status}, not Active in the cluster.";
        }

        try
        {
            var state = new GrainState<ReadinessProbeState>();
            await storage.ReadStateAsync("readiness", ProbeId, state).WaitAsync(StorageTimeout, cancellationToken);
            return null;
        }
        catch (TimeoutException)
        {
            return $"Storage '{RegistryStorage.Name}' did not answer within {StorageTimeout.TotalSeconds:0} s.";
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return $"Storage '{RegistryStorage.Name}' failed a read: {exception.GetType().Name}.";
        }
    }
}
