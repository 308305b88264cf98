using Microsoft.Extensions.Options;

namespace OrleansRegistry.Silo.Hosting;

/// <summary>
/// The checks that need <c>Orleans:Clustering</c> and <c>Registry:*</c> together: a backend chosen
/// for membership must be configured, and Kubernetes needs a backend to keep membership in.
/// </summary>
internal static class BackendChoiceValidator
{
    /// <summary>Set in every pod by Kubernetes itself; Orleans' Kubernetes hosting cannot start without it.</summary>
    public const string KubernetesServiceHostVariable = "KUBERNETES_SERVICE_HOST";

    private const string ClusteringKey = SiloOptions.SectionName + ":" + nameof(SiloOptions.Clustering);
    private const string StorageKey = RegistryOptions.SectionName + ":" + nameof(RegistryOptions.Storage);

    /// <summary>Where membership lives: the clustering kind itself, or for Kubernetes the storage backend.</summary>
    public static ClusteringKind MembershipOf(SiloOptions silo, RegistryOptions registry) =>
        silo.Clustering != ClusteringKind.Kubernetes
            ? silo.Clustering
            : registry.Storage switch
            {
                StorageKind.AzureStorage => ClusteringKind.AzureStorage,
                StorageKind.Redis => ClusteringKind.Redis,
                StorageKind.AdoNet => ClusteringKind.AdoNet,
                _ => ClusteringKind.Localhost,
            };

    /// <summary>Whether PostgreSQL is in use, for clustering or for state.</summary>
    public static bool UsesAdoNet(SiloOptions silo, RegistryOptions registry) =>
        MembershipOf(silo, registry) == ClusteringKind.AdoNet || registry.Storage == StorageKind.AdoNet;

    /// <exception cref="OptionsValidationException">The combination cannot work; the message names the keys.</exception>
    public static void ThrowIfInvalid(SiloOptions silo, RegistryOptions registry, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(configuration);
        var failures = new List<string>();
        if (silo.Clustering == ClusteringKind.Kubernetes)
        {
            if (MembershipOf(silo, registry) == ClusteringKind.Localhost)
            {
                failures.Add($"Configuration key '{StorageKey}' is {registry.Storage}, but '{ClusteringKey}' {ClusteringKind.Kubernetes} keeps membership in the storage backend: set it to {StorageKind.Redis}, {StorageKind.AdoNet} or {StorageKind.AzureStorage}.");
            }

            if (string.IsNullOrEmpty(configuration[KubernetesServiceHostVariable]))
            {
                failures.Add($"Configuration key '{ClusteringKey}' is {ClusteringKind.Kubernetes}, but this process is not in a Kubernetes pod ({KubernetesServiceHostVariable} is not set).");
            }
        }

        if (silo.Clustering == ClusteringKind.AdoNet && registry.AdoNet.ConnectionString is null)
        {
            failures.Add($"Configuration key '{RegistryOptionsValidator.AdoNetConnectionStringKey}' must be set when '{ClusteringKey}' is {ClusteringKind.AdoNet}.");
        }

        if (failures.Count > 0)
        {
            throw new OptionsValidationException(Microsoft.Extensions.Options.Options.DefaultName, typeof(SiloOptions), failures);
        }
    }
}
