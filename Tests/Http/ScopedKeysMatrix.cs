using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Http;

/// <summary>
/// Every API route the silo maps, read off its <see cref="EndpointDataSource"/> (so routes added
/// later are covered without editing this), called with each kind of key: the status the contract
/// gives, problem details on a refusal, and a refused write that changed nothing.
/// </summary>
public abstract class ScopedKeysMatrix(ScopedKeysHttpFixture fixture)
{
    private const string Instance = """{"host":"127.0.0.1","port":8080,"metadata":{}}""";
    private const string Definition = """{"version":"1","description":"","endpoints":[],"dependencies":[],"config":{}}""";

    /// <summary>Never need a key; not part of the matrix, checked to stay open.</summary>
    private static readonly string[] OpenPaths = ["/healthz", "/readyz", "/metrics", "/ui", "/openapi/v1.json"];

    /// <summary>Prefixes of what is not the registry's API: the probes, metrics, the view page, the OpenAPI document, the Orleans Dashboard.</summary>
    private static readonly string[] NotApi = ["/healthz", "/readyz", "/metrics", "/ui", "/openapi", "/dashboard"];

    private enum Caller
    {
        NoKey,
        UnknownKey,
        ReadKey,
        WriteKeyForAnotherNamespace,
        WriteKey,
        AdminKey,
        LegacyApiKey,
    }

    [Fact]
    public async Task EveryRoute_EachKindOfKey_GivesTheContractsStatusAndARefusalChangesNothing()
    {
        var routes = ApiRoutes();
        Assert.True(routes.Count >= 12, $"the API's routes were found: {string.Join(", ", routes.Select(r => $"{r.Method} {r.Pattern.RawText}"))}");
        var failures = new List<string>();
        foreach (var (method, pattern) in routes)
        {
            foreach (var caller in Enum.GetValues<Caller>())
            {
                var failure = await CheckAsync(method, pattern, caller);
                if (failure is not null)
                {
                    failures.Add(failure);
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task OpenPaths_WithoutAKey_Answer200()
    {
        foreach (var path in OpenPaths)
        {
            using var response = await fixture.Client.GetAsync(RegistryHttp.Relative(path));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Logs_OfRequestsWithEveryKindOfKey_NeverContainAKey()
    {
        // The matrix may not have run yet in this collection: send every key once here too.
        foreach (var key in ScopedKeysHttpFixture.AllKeys)
        {
            using var write = await fixture.Client.SendAsync(HttpMethod.Put, $"/services/{Instances.UniqueService("logged")}/instances/a", Instance, key);
            using var read = await fixture.Client.SendAsync(HttpMethod.Get, "/services", apiKey: key);
        }

        Assert.Contains(fixture.EverythingLogs.Entries, entry => entry.Contains("Refused", StringComparison.Ordinal));
        foreach (var key in ScopedKeysHttpFixture.AllKeys)
        {
            Assert.DoesNotContain(fixture.EverythingLogs.Entries, entry => entry.Contains(key, StringComparison.Ordinal));
        }
    }

    private static string? KeyOf(Caller caller) => caller switch
    {
        Caller.NoKey => null,
        Caller.UnknownKey => ScopedKeysHttpFixture.UnknownKey,
        Caller.ReadKey => ScopedKeysHttpFixture.ReadKey,
        Caller.WriteKeyForAnotherNamespace => ScopedKeysHttpFixture.OtherNamespaceKey,
        Caller.WriteKey => ScopedKeysHttpFixture.WriteKey,
        Caller.AdminKey => ScopedKeysHttpFixture.AdminKey,
        Caller.LegacyApiKey => ScopedKeysHttpFixture.LegacyKey,
        _ => throw new ArgumentOutOfRangeException(nameof(caller)),
    };

    /// <summary>The contract: reads are GETs and lease releases; everything else writes.</summary>
    private static bool IsRead(string method, RoutePattern pattern) =>
        method == HttpMethods.Get || pattern.RawText?.Contains("/leases/", StringComparison.Ordinal) == true;

    private HttpStatusCode? Expected(bool read, Caller caller) => (read && !fixture.ProtectReads, caller) switch
    {
        (true, _) => null,
        (_, Caller.NoKey or Caller.UnknownKey) => HttpStatusCode.Unauthorized,
        (_, Caller.WriteKeyForAnotherNamespace) => HttpStatusCode.Forbidden,
        (_, Caller.ReadKey) when !read => HttpStatusCode.Forbidden,
        _ => null,
    };

    private async Task<string?> CheckAsync(string method, RoutePattern pattern, Caller caller)
    {
        var service = Instances.UniqueService("matrix");
        var prefix = pattern.GetParameter("ns") is null ? string.Empty : $"/namespaces/{ScopedKeysHttpFixture.Namespace}";
        await RegisterAsync(prefix, service);
        var path = PathOf(pattern, service);
        var read = IsRead(method, pattern);
        var before = await SnapshotAsync(prefix, service);

        using var response = await fixture.Client.SendAsync(new HttpMethod(method), path, BodyOf(method, pattern), KeyOf(caller));

        var what = $"{method} {pattern.RawText} ({path}) with {caller}, reads {(fixture.ProtectReads ? "protected" : "open")}";
        var expected = Expected(read, caller);
        var status = response.StatusCode;
        if (expected is null)
        {
            return status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden ? $"{what}: refused with {(int)status}, expected it allowed" : null;
        }

        if (status != expected)
        {
            return $"{what}: {(int)status}, expected {(int)expected}";
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"{what}: {(int)status} without problem details";
        }

        var after = await SnapshotAsync(prefix, service);
        return before == after ? null : $"{what}: refused but changed the service: {before} -> {after}";
    }

    private List<(string Method, RoutePattern Pattern)> ApiRoutes() =>
        fixture.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.RoutePattern.RawText is { } raw && raw.Trim('/').Length > 0
                && !NotApi.Any(prefix => ("/" + raw.TrimStart('/')).StartsWith(prefix, StringComparison.Ordinal)))
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Get])
                .Select(method => (method, endpoint.RoutePattern)))
            .Where(route => route.method != HttpMethods.Head && route.method != HttpMethods.Options)
            .ToList();

    private static string PathOf(RoutePattern pattern, string service)
    {
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart { Name: "ns" } => ScopedKeysHttpFixture.Namespace,
            RoutePatternParameterPart { Name: "name" } => service,
            RoutePatternParameterPart { Name: "id" } => "a",
            RoutePatternParameterPart => "x",
            _ => throw new InvalidOperationException($"unexpected route part in {pattern.RawText}"),
        })));
        return "/" + string.Join('/', segments);
    }

    private static string? BodyOf(string method, RoutePattern pattern)
    {
        if (method != HttpMethods.Put && method != HttpMethods.Post)
        {
            return null;
        }

        var raw = pattern.RawText ?? string.Empty;
        return raw.EndsWith("/definition", StringComparison.Ordinal) ? Definition
            : raw.EndsWith("/maintenance", StringComparison.Ordinal) ? """{"reason":"matrix"}"""
            : raw.EndsWith("/instances/{id}", StringComparison.Ordinal) ? Instance.Replace("8080", "9191", StringComparison.Ordinal)
            : null;
    }

    private async Task RegisterAsync(string prefix, string service)
    {
        using var response = await fixture.Client.SendAsync(HttpMethod.Put, $"{prefix}/services/{service}/instances/a", Instance, ScopedKeysHttpFixture.AdminKey);
        Assert.True(response.IsSuccessStatusCode, $"register {prefix}/services/{service}/instances/a: {(int)response.StatusCode}");
    }

    /// <summary>What a refused write must leave as it was: the instances (with the change index) and the definition.</summary>
    private async Task<string> SnapshotAsync(string prefix, string service)
    {
        using var list = await fixture.Client.SendAsync(HttpMethod.Get, $"{prefix}/services/{service}", apiKey: ScopedKeysHttpFixture.AdminKey);
        using var definition = await fixture.Client.SendAsync(HttpMethod.Get, $"{prefix}/services/{service}/definition", apiKey: ScopedKeysHttpFixture.AdminKey);
        return $"{RegistryHttp.IndexOf(list)} {await list.Content.ReadAsStringAsync()} {(int)definition.StatusCode}";
    }
}

[Collection(OpenReadsKeysHttpCollection.Name)]
public sealed class ScopedKeysOpenReadsTests(OpenReadsKeysHttpFixture fixture) : ScopedKeysMatrix(fixture);

[Collection(ProtectedReadsKeysHttpCollection.Name)]
public sealed class ScopedKeysProtectedReadsTests(ProtectedReadsKeysHttpFixture fixture) : ScopedKeysMatrix(fixture);
