using OrleansRegistry.Model;

namespace OrleansRegistry.Grains;

/// <summary>
/// The door into one silo's service cache, keyed by that silo's address and always activated on
/// it. Service grains push snapshots through it; lease releases reach the silo that counted them.
/// </summary>
[Alias("registry.ISiloCacheGrain")]
public interface ISiloCacheGrain : IGrainWithStringKey
{
    [Alias("Apply")]
    Task ApplyAsync(ServiceSnapshot snapshot);

    [Alias("ReleaseLease")]
    Task ReleaseLeaseAsync(LeaseToken lease);
}
