using System.Collections;
using System.Reflection;
using OrleansRegistry.Options;
using OrleansRegistry.Silo.Dns;
using OrleansRegistry.Silo.Hosting;
using OrleansRegistry.Silo.Http;

namespace OrleansRegistry.Tests.Hosting;

/// <summary>Every operator key the silo binds, read off the options classes it binds them to.</summary>
internal static class OperatorKeys
{
    /// <summary>ASP.NET's own listen-address key, which the silo also honours.</summary>
    public const string Urls = "urls";

    public static IReadOnlyList<string> All { get; } =
    [
        .. Of(typeof(SiloOptions), SiloOptions.SectionName),
        .. Of(typeof(RegistryOptions), RegistryOptions.SectionName),
        .. Of(typeof(HealthCheckOptions), HealthCheckOptions.SectionName),
        .. Of(typeof(BalancerOptions), BalancerOptions.SectionName),
        .. Of(typeof(DnsOptions), DnsOptions.SectionName),
        ApiKeyAuthentication.ConfigurationKey,
        ApiKeyAuthentication.ProtectReadsKey,
    ];

    /// <summary>Whether <paramref name="key"/> (in <c>:</c> form, list entries like <c>Registry:ApiKeys:0</c> allowed) is bound by the silo.</summary>
    public static bool IsKnown(string key) =>
        string.Equals(key, Urls, StringComparison.OrdinalIgnoreCase)
        || All.Any(known => string.Equals(known, key, StringComparison.OrdinalIgnoreCase)
            || (key.StartsWith(known + ":", StringComparison.OrdinalIgnoreCase) && int.TryParse(key.AsSpan(known.Length + 1), out _)));

    private static IEnumerable<string> Of(Type type, string prefix) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.CanWrite)
            .SelectMany(property => IsSection(property.PropertyType)
                ? Of(property.PropertyType, $"{prefix}:{property.Name}")
                : [$"{prefix}:{property.Name}"]);

    private static bool IsSection(Type type) => type.IsClass && type != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(type);
}
