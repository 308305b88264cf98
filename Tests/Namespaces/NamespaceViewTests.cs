using OrleansRegistry.Tests.Processes;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Namespaces;

/// <summary>The registry view's namespace switcher, driven in a real headless Chromium against a silo process.</summary>
[Collection(ProcessClusterCollection.Name)]
public sealed class NamespaceViewTests
{
    private const string Other = "blue";

    /// <summary>JavaScript: the namespace the page's address asks for ("" for none).</summary>
    private const string AddressNamespace = """(new URLSearchParams(location.search).get("ns") ?? "")""";

    [Fact]
    public async Task RegistryView_SwitcherPicksAnotherNamespace_ShowsOnlyItsInstances()
    {
        await using var silo = SiloProcess.Start(new SiloLaunch(RepositoryPaths.SiloDll, RepositoryPaths.Root, $"nsview{Guid.NewGuid():N}"[..20]));
        using var http = new HttpClient { BaseAddress = silo.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        await silo.WaitReadyAsync(http);

        // The same service name in both namespaces, with other instances; "users" only in the default one.
        await http.RegisterAsync("orders", "d-1", port: 9001);
        await http.RegisterAsync("orders", "d-2", port: 9002);
        await http.RegisterAsync("users", "u-1", port: 9003);
        await RegisterInOtherAsync(http, "orders", "b-1");

        await using var chromium = await HeadlessChromium.LaunchAsync();
        await using var page = await chromium.OpenAsync(new Uri(silo.BaseAddress, "/ui?wait=2s"));
        await page.RenderWhenAsync($$"""
            () => {{ShownDefault}} && [...document.getElementById("namespace").options].some(o => o.value === "{{Other}}")
            """);
        Assert.Equal("default", await page.EvaluateAsync<string>("() => document.getElementById('namespace').value"));

        await page.SelectAsync("#namespace", Other);
        var switched = await page.RenderWhenAsync($"() => {AddressNamespace} === '{Other}' && {ShownOther}");

        AssertOnlyOther(switched.Html);
        Assert.Equal(Other, await page.EvaluateAsync<string>("() => document.getElementById('namespace').value"));
        Assert.Equal("2s", await page.EvaluateAsync<string>("""() => new URLSearchParams(location.search).get("wait")"""));

        // The address alone picks the namespace, and the switcher goes back to the default one (no ?ns= then).
        await using var direct = await chromium.OpenAsync(new Uri(silo.BaseAddress, $"/ui?ns={Other}&wait=2s"));
        var opened = await direct.RenderWhenAsync($"() => {ShownOther}");
        AssertOnlyOther(opened.Html);
        Assert.Equal(Other, await direct.EvaluateAsync<string>("() => document.getElementById('namespace').value"));

        await direct.SelectAsync("#namespace", "default");
        await direct.RenderWhenAsync($"() => {AddressNamespace} === '' && {ShownDefault}");
        Assert.Equal("default", await direct.EvaluateAsync<string>("() => document.getElementById('namespace').value"));
    }

    /// <summary>JavaScript: the default namespace's two services and three instances are on screen, and nothing else.</summary>
    private static string ShownDefault => $$"""
        ({{Rows("orders")}} === "d-1,d-2" && {{Rows("users")}} === "u-1"
          && document.querySelectorAll("section[data-service]").length === 2
          && document.getElementById("summary").textContent === "2 services · 3 instances · 3 healthy")
        """;

    /// <summary>JavaScript: the other namespace's one service and instance are on screen, and nothing else.</summary>
    private static string ShownOther => $$"""
        ({{Rows("orders")}} === "b-1" && document.querySelectorAll("section[data-service]").length === 1
          && document.getElementById("summary").textContent === "1 services · 1 instances · 1 healthy")
        """;

    /// <summary>JavaScript: the instance ids shown in a service's section, sorted and comma-joined.</summary>
    private static string Rows(string service) =>
        $$"""[...document.querySelectorAll('section[data-service="{{service}}"] tr[data-instance]')].map(r => r.dataset.instance).sort().join(",")""";

    private static void AssertOnlyOther(string html)
    {
        Assert.Contains("data-instance=\"b-1\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-instance=\"d-1\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-service=\"users\"", html, StringComparison.Ordinal);
    }

    private static async Task RegisterInOtherAsync(HttpClient http, string service, string id)
    {
        using var response = await http.PutAsync($"/namespaces/{Other}/services/{service}/instances/{id}", """{"host":"127.0.0.1","port":9004,"status":"healthy"}""");
        Assert.True(response.IsSuccessStatusCode, $"register {Other}/{service}/{id}: {(int)response.StatusCode}");
    }
}
