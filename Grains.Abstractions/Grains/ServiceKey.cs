namespace OrleansRegistry.Grains;

/// <summary>
/// Which service a grain key names: a namespace and a service name. A service of the default
/// namespace is keyed by its bare name, so state stored before namespaces existed keeps its key;
/// any other is keyed <c>{namespace}/{name}</c> (neither part can hold a slash).
/// </summary>
public readonly record struct ServiceKey(string Namespace, string Name)
{
    public const string DefaultNamespace = "default";

    public static ServiceKey InDefault(string name) => new(DefaultNamespace, name);

    /// <summary>The string key of the service's grains (<see cref="IServiceGrain"/> and the balancer's argument).</summary>
    public string GrainKey => Namespace == DefaultNamespace ? Name : $"{Namespace}/{Name}";

    public static ServiceKey FromGrainKey(string grainKey)
    {
        var slash = grainKey.IndexOf('/', StringComparison.Ordinal);
        return slash < 0
            ? InDefault(grainKey)
            : new ServiceKey(grainKey[..slash], grainKey[(slash + 1)..]);
    }

    public override string ToString() => GrainKey;
}
