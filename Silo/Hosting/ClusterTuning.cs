using Orleans.Configuration;

namespace OrleansRegistry.Silo.Hosting;

/// <summary>
/// Failure detection tuned for a registry, where a dead silo's services must move quickly:
/// a crashed silo (connections refused) is out within about 6 s, a hung one within about 20 s.
/// The connection liveness check is off because it suppresses votes against a silo whose TCP
/// connections stay open while it is hung.
/// </summary>
internal static class ClusterTuning
{
    public static ISiloBuilder ConfigureRegistryMembership(this ISiloBuilder silo)
    {
        silo.Configure<ClusterMembershipOptions>(membership =>
        {
            membership.ProbeTimeout = TimeSpan.FromSeconds(2);
            membership.NumMissedProbesLimit = 3;
            membership.EnableConnectionLivenessCheck = false;
            membership.TableRefreshTimeout = TimeSpan.FromSeconds(5);
        });

        // Calls to a silo that died mid-call fail after this instead of Orleans' 30 s default.
        silo.Configure<SiloMessagingOptions>(messaging => messaging.ResponseTimeout = TimeSpan.FromSeconds(10));
        return silo;
    }
}
