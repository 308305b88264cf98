using OrleansRegistry.Grains;
using OrleansRegistry.Validation;

namespace OrleansRegistry.Silo.Http;

/// <summary>
/// The namespace a service route addresses: the <c>{ns}</c> of <c>/namespaces/{ns}/...</c>, or the
/// default namespace on the unprefixed routes (the same handlers serve both).
/// </summary>
internal static class ServiceRoute
{
    public const string NamespacePrefix = "/namespaces/{ns}";

    private const string NamespaceValue = "ns";

    /// <summary>The request's namespace, checked against the name rule (400 naming <c>namespace</c> otherwise).</summary>
    public static string Namespace(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.GetRouteValue(NamespaceValue) is not string ns)
        {
            return ServiceKey.DefaultNamespace;
        }

        ServiceKey.ValidateNamespace(ns);
        return ns;
    }

    /// <summary>The service <paramref name="name"/> of the request's namespace, both checked.</summary>
    public static ServiceKey Key(HttpContext http, string name, string field = "service_name") =>
        ServiceKey.Of(Namespace(http), name, field);

    /// <summary>Checks the path's namespace, service and instance id; returns the service's grain key.</summary>
    public static string InstanceGrainKey(HttpContext http, string name, string id)
    {
        var key = Key(http, name);
        RegistryValidator.ValidateInstanceId(id);
        return key.GrainKey;
    }

    /// <summary>The path prefix of the request's namespace: empty for the default namespace on an unprefixed route.</summary>
    public static string PathPrefix(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.GetRouteValue(NamespaceValue) is string ns ? $"/namespaces/{Uri.EscapeDataString(ns)}" : string.Empty;
    }
}
