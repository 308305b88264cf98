namespace OrleansRegistry.Silo.Http;

/// <summary>What a key may do in its namespaces; each level includes the ones below it.</summary>
public enum RegistryAccess
{
    /// <summary>Listings, picks, blocking queries, leases, the view's data (needed only when reads are protected).</summary>
    Read = 1,

    /// <summary>Register, deregister, heartbeat, definitions, maintenance.</summary>
    Write = 2,

    /// <summary>Everything a write key may do. No route needs more than write today; admin is kept for namespace-wide operations.</summary>
    Admin = 3,
}
