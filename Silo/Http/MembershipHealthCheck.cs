using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrleansRegistry.Caching;

namespace OrleansRegistry.Silo.Http;

/// <summary>
/// Ready only while the silo serves: the cluster's membership lists it as Active and it has not
/// been paused since it last confirmed that (see <see cref="SiloServingGate"/>).
/// </summary>
internal sealed class MembershipHealthCheck(SiloServingGate gate, IClusterMembershipService membership, ILocalSiloDetails localSilo) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await gate.EnsureServingAsync();
            return HealthCheckResult.Healthy();
        }
        catch (Errors.SiloNotServingException exception)
        {
            var status = membership.CurrentSnapshot.GetSiloStatus(localSilo.SiloAddress);
            return HealthCheckResult.Unhealthy($"The silo is {status} in the cluster and does not serve: {exception.Message}");
        }
    }
}
