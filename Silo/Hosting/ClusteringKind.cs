namespace OrleansRegistry.Silo.Hosting;

/// <summary>Values of <c>Orleans:Clustering</c>.</summary>
public enum ClusteringKind
{
    /// <summary>One machine, no membership table (development).</summary>
    Localhost,

    /// <summary>Membership in Azure Table Storage at <c>Registry:AzureStorage:ConnectionString</c>.</summary>
    AzureStorage,

    /// <summary>Membership in Redis at <c>Registry:Redis:ConnectionString</c>.</summary>
    Redis,

    /// <summary>Membership in PostgreSQL at <c>Registry:AdoNet:ConnectionString</c>.</summary>
    AdoNet,

    /// <summary>
    /// A silo in a Kubernetes pod: pod name, IP and namespace from the pod, and membership in the
    /// backend of <c>Registry:Storage</c>, because Orleans' Kubernetes hosting keeps no membership of its own.
    /// </summary>
    Kubernetes,
}
