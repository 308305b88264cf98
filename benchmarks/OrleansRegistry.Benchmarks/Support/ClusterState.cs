namespace OrleansRegistry.Benchmarks.Support;

/// <summary>Where a <see cref="SiloProcessCluster"/> keeps grain state and reminders (membership is in Azurite either way).</summary>
internal enum ClusterState
{
    /// <summary>Orleans' memory storage: the in-memory quick start's shape, on more than one silo.</summary>
    Memory,

    /// <summary>Azure Storage (Azurite): the durable shape an operator runs.</summary>
    Azure,
}
