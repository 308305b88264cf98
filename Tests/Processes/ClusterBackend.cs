namespace OrleansRegistry.Tests.Processes;

/// <summary>The backends a process cluster can run on, each a real server the test starts.</summary>
public enum ClusterBackend
{
    /// <summary>Azurite, the Azure Storage emulator.</summary>
    AzureStorage,

    /// <summary>Debian's redis-server.</summary>
    Redis,

    /// <summary>Debian's PostgreSQL, through Orleans' ADO.NET providers.</summary>
    PostgreSql,
}
