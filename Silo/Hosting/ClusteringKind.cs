namespace OrleansRegistry.Silo.Hosting;

/// <summary>Values of <c>Orleans:Clustering</c>.</summary>
public enum ClusteringKind
{
    Localhost,
    AzureStorage,
}
