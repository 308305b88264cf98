namespace OrleansRegistry.Grains;

/// <summary>Keys of the catalog grains: one per namespace.</summary>
public static class ServiceCatalogKey
{
    /// <summary>The default namespace's catalog, under the key it had before namespaces existed.</summary>
    public const string Default = "services";

    private const string Prefix = "services:";

    /// <summary>The key of <paramref name="ns"/>'s catalog (the colon keeps it apart from <see cref="Default"/>).</summary>
    public static string Of(string ns) => ns == ServiceKey.DefaultNamespace ? Default : Prefix + ns;

    /// <summary>The namespace a catalog key names.</summary>
    public static string NamespaceOf(string catalogKey) =>
        catalogKey.StartsWith(Prefix, StringComparison.Ordinal) ? catalogKey[Prefix.Length..] : ServiceKey.DefaultNamespace;
}
