using System.Text.Json;
using OrleansRegistry.Model;

namespace OrleansRegistry.Client.Options;

/// <summary>Settings of the registry client library (section <c>Registry:Client</c>).</summary>
public sealed class RegistryClientOptions
{
    public const string SectionName = "Registry:Client";

    /// <summary>
    /// The registry's HTTP address, such as <c>http://registry:8080</c>: the client then talks to it
    /// over HTTP (blocking queries) and needs no Orleans. Leave it empty when an Orleans client
    /// carries the calls (<c>AddOrleansRegistryClient</c>).
    /// </summary>
    public string? Url { get; set; }

    /// <summary>More registry addresses (every silo serves the API): the client moves to the next when one stops answering.</summary>
    public List<string> Urls { get; set; } = [];

    /// <summary>Sent as <c>X-Api-Key</c> on every HTTP call when set (writes need one once the registry has keys).</summary>
    public string? ApiKey { get; set; }

    /// <summary>The namespace every service name of this client lives in.</summary>
    public string Namespace { get; set; } = "default";

    /// <summary>How long one blocking query waits for a change (HTTP mode); keep it below <see cref="CacheTtl"/> so an answer confirms the list in time.</summary>
    public TimeSpan BlockingQueryWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The strategy a call uses unless its request names another.</summary>
    public LoadBalancingStrategy Strategy { get; set; } = LoadBalancingStrategy.RoundRobin;

    public SelectionMode Selection { get; set; } = SelectionMode.Local;

    /// <summary>
    /// How long a cached instance list is trusted without word from the registry. Pushes and
    /// subscription renewals keep it fresh; an expired list is re-read, and while the registry
    /// cannot be reached the last list it gave is served.
    /// </summary>
    public TimeSpan CacheTtl { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often the client renews its change subscriptions (the registry drops them after two minutes).</summary>
    public TimeSpan SubscriptionRenewal { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Limit for one registry call (subscribe, select, release).</summary>
    public TimeSpan RegistryTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>After a failed registry call, how long reads serve the last known list without asking again.</summary>
    public TimeSpan OutageRetryInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A service not used for this long (and not watched) is unsubscribed and dropped from the cache.</summary>
    public TimeSpan IdleServiceExpiry { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Lifetime of a local least-connections lease that is never released. Every call releases
    /// its lease, so this is only a safety net; keep it above <see cref="ServiceCallResilienceOptions.AttemptTimeout"/>.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Scheme for instances without <c>metadata["scheme"]</c>.</summary>
    public string DefaultScheme { get; set; } = Uri.UriSchemeHttp;

    /// <summary>Largest response body a call buffers.</summary>
    public long MaxResponseContentBytes { get; set; } = 16 * 1024 * 1024;

    public ServiceCallResilienceOptions Resilience { get; set; } = new();

    /// <summary><see cref="Url"/> and <see cref="Urls"/>, in that order, blanks and repeats left out.</summary>
    public IReadOnlyList<string> RegistryUrls() =>
        (Url is null ? Urls : Urls.Prepend(Url)).Where(url => !string.IsNullOrWhiteSpace(url)).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();

    /// <summary>Serializer settings of the typed calls (web defaults: camelCase, case-insensitive).</summary>
    public JsonSerializerOptions JsonSerializerOptions { get; set; } = new(JsonSerializerDefaults.Web);
}
