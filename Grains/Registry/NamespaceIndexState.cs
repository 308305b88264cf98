namespace OrleansRegistry.Registry;

/// <summary>What the namespace index persists: the namespaces that hold a service.</summary>
[GenerateSerializer, Alias("registry.NamespaceIndexState")]
public sealed class NamespaceIndexState
{
    [Id(0)]
    public HashSet<string> Names { get; set; } = new(StringComparer.Ordinal);
}
