using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Http;

/// <summary>The /ui view in a real headless Chromium against a silo whose reads need a key.</summary>
[Collection(ProtectedReadsKeysHttpCollection.Name)]
public sealed class ProtectedViewTests(ProtectedReadsKeysHttpFixture fixture)
{
    [Fact]
    public async Task View_ReadsProtected_AsksForAKeyKeepsItInTheTabAndShowsMaintenance()
    {
        var service = Instances.UniqueService("view-keys");
        await fixture.Client.RegisterAsync(service, "a", apiKey: ScopedKeysHttpFixture.AdminKey);
        await fixture.Client.RegisterAsync(service, "b", apiKey: ScopedKeysHttpFixture.AdminKey);
        using var maintenance = await fixture.Client.SendAsync(HttpMethod.Put, $"/services/{service}/instances/b/maintenance", """{"reason":"disk swap"}""", ScopedKeysHttpFixture.AdminKey);
        var url = new Uri(fixture.BaseAddress, "/ui?wait=2s");

        await using var chromium = await HeadlessChromium.LaunchAsync();
        await using var page = await chromium.OpenAsync(url);
        var asked = await page.RenderWhenAsync("() => !document.getElementById('key-form').hidden");
        Assert.Contains("Reads need an API key.", asked.Html, StringComparison.Ordinal);

        await page.TypeAsync("#key", ScopedKeysHttpFixture.ReadKey + "\n");
        var shown = await page.RenderWhenAsync($$"""
            () => document.getElementById("key-form").hidden
              && document.querySelector('section[data-service="{{service}}"] tr[data-instance="b"] [data-maintenance]') !== null
            """);

        Assert.Contains("maintenance: disk swap", shown.Html, StringComparison.Ordinal);
        Assert.Contains("1 of 2 healthy", shown.Html, StringComparison.Ordinal);
        Assert.Equal(ScopedKeysHttpFixture.ReadKey, await page.EvaluateAsync<string>("() => sessionStorage.getItem('registry-api-key')"));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => localStorage.length"));
        Assert.Equal(string.Empty, await page.EvaluateAsync<string>("() => document.cookie"));
        Assert.DoesNotContain(ScopedKeysHttpFixture.ReadKey, shown.Html, StringComparison.Ordinal);

        // Another tab has its own session storage: it asks again.
        await using var other = await chromium.OpenAsync(url);
        await other.RenderWhenAsync("() => !document.getElementById('key-form').hidden");
    }

    [Fact]
    public async Task View_KeyWithoutReadAccess_AsksForAnother()
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        await using var page = await chromium.OpenAsync(new Uri(fixture.BaseAddress, "/ui?wait=2s"));
        await page.RenderWhenAsync("() => !document.getElementById('key-form').hidden");

        await page.TypeAsync("#key", ScopedKeysHttpFixture.OtherNamespaceKey + "\n");

        var refused = await page.RenderWhenAsync("() => document.getElementById('key-message').textContent.startsWith('This key may not read here')");
        Assert.Contains("API key needed", refused.Html, StringComparison.Ordinal);
    }
}
