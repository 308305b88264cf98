using OrleansRegistry.Validation;

namespace OrleansRegistry.Client.Endpoints;

/// <summary>Which host names service discovery resolves through the registry.</summary>
public sealed class RegistryEndpointProviderOptions
{
    /// <summary>
    /// Decides per host name (<c>user-service</c> in <c>http://user-service/...</c>) whether the
    /// registry resolves it. By default: valid service names without a dot, except <c>localhost</c>;
    /// dotted names are left to DNS. A name the registry has never heard of falls through to the
    /// next provider (pass-through) either way.
    /// </summary>
    public Func<string, bool> ShouldResolve { get; set; } = IsServiceName;

    public static bool IsServiceName(string hostName) =>
        RegistryValidator.IsValidName(hostName)
        && !hostName.Contains('.', StringComparison.Ordinal)
        && !string.Equals(hostName, "localhost", StringComparison.OrdinalIgnoreCase);
}
