using OrleansRegistry.Validation;

namespace OrleansRegistry.Grains;

/// <summary>
/// Which service a grain key names: a namespace and a service name. A service of the default
/// namespace is keyed by its bare name, so state stored before namespaces existed keeps its key;
/// any other is keyed <c>{namespace}:{name}</c>.
/// </summary>
/// <remarks>
/// The separator is a colon, which no name can hold. A slash would do for Orleans, but Azure Table
/// storage turns a slash of a grain id into an underscore (a legal name character), so the state of
/// <c>b</c> in namespace <c>a</c> would share its row with <c>a_b</c> of the default namespace.
/// </remarks>
public readonly record struct ServiceKey(string Namespace, string Name)
{
    public const string DefaultNamespace = "default";

    private const char Separator = ':';

    public static ServiceKey InDefault(string name) => new(DefaultNamespace, name);

    /// <summary>The string key of the service's grains (<see cref="IServiceGrain"/> and the balancer's argument).</summary>
    public string GrainKey => Namespace == DefaultNamespace ? Name : $"{Namespace}{Separator}{Name}";

    public static ServiceKey FromGrainKey(string grainKey)
    {
        ArgumentNullException.ThrowIfNull(grainKey);
        var separator = grainKey.IndexOf(Separator, StringComparison.Ordinal);
        return separator < 0
            ? InDefault(grainKey)
            : new ServiceKey(grainKey[..separator], grainKey[(separator + 1)..]);
    }

    /// <summary>The key of <paramref name="name"/> in <paramref name="ns"/> (null: the default namespace), both checked against the name rule.</summary>
    public static ServiceKey Of(string? ns, string name, string nameField = "service_name")
    {
        RegistryValidator.ValidateServiceName(name, nameField);
        ValidateNamespace(ns ?? DefaultNamespace);
        return new ServiceKey(ns ?? DefaultNamespace, name);
    }

    /// <summary>Parses and checks a grain key, as a grain given one by a caller outside the silo does.</summary>
    public static ServiceKey ParseGrainKey(string? grainKey, string field = "service_name")
    {
        var key = FromGrainKey(grainKey ?? string.Empty);
        RegistryValidator.ValidateServiceName(key.Name, field);
        ValidateNamespace(key.Namespace);
        if (key.GrainKey != grainKey)
        {
            // "default:x" would name a second grain for the service keyed "x".
            throw new RegistryValidationException("namespace", $"a service of the {DefaultNamespace} namespace is keyed by its bare name");
        }

        return key;
    }

    /// <summary>True when <paramref name="grainKey"/> is the canonical grain key of a valid namespace and name.</summary>
    public static bool IsValidGrainKey(string? grainKey)
    {
        if (grainKey is null)
        {
            return false;
        }

        var key = FromGrainKey(grainKey);
        return RegistryValidator.IsValidName(key.Name) && RegistryValidator.IsValidName(key.Namespace) && key.GrainKey == grainKey;
    }

    /// <summary>A namespace name follows the service-name rule.</summary>
    public static void ValidateNamespace(string? ns) => RegistryValidator.ValidateServiceName(ns, "namespace");

    public override string ToString() => GrainKey;
}
