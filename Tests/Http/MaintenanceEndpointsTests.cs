using System.Net;
using System.Text.Json.Nodes;
using ARSoft.Tools.Net.Dns;
using OrleansRegistry.Tests.Dns;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Http;

/// <summary>PUT/DELETE .../instances/{id}/maintenance on the real silo program, seen through listings, picks and DNS.</summary>
[Collection(RegistryHttpCollection.Name)]
public sealed class MaintenanceEndpointsTests(RegistryHttpFixture fixture)
{
    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task Put_HealthyInstance_LeavesPicksHealthyListingsAndDnsButStaysListed()
    {
        var service = Instances.UniqueService("maint");
        await Client.RegisterAsync(service, "a", host: "10.2.0.1");
        await Client.RegisterAsync(service, "b", host: "10.2.0.2");

        using var put = await Client.PutAsync($"/services/{service}/instances/a/maintenance", """{"reason":"kernel upgrade"}""");

        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        var all = await Client.ListAsync(service);
        Assert.Equal(["a", "b"], all.Select(i => (string)i!["id"]!));
        var a = all.Single(i => (string)i!["id"]! == "a")!;
        Assert.Equal("healthy", (string)a["status"]!);
        Assert.Equal("kernel upgrade", (string)a["maintenance"]!["reason"]!);
        Assert.True(DateTimeOffset.UtcNow - DateTimeOffset.Parse((string)a["maintenance"]!["since"]!, System.Globalization.CultureInfo.InvariantCulture) < TimeSpan.FromMinutes(1));
        Assert.Null(all.Single(i => (string)i!["id"]! == "b")!["maintenance"]);

        var (_, healthy, response) = await Client.GetJsonAsync($"/services/{service}?healthy=true");
        response.Dispose();
        Assert.Equal(["b"], healthy!.AsArray().Select(i => (string)i!["id"]!));
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal("b", await PickAsync(service));
        }

        var answer = await DnsQueries.QueryAsync(fixture.DnsPort, $"{service}.service.registry", RecordType.A);
        Assert.Equal(["10.2.0.2"], DnsQueries.Addresses(answer));
        var (_, services, catalog) = await Client.GetJsonAsync("/services");
        catalog.Dispose();
        var summary = services!.AsArray().Single(s => (string)s!["name"]! == service)!;
        Assert.Equal(2, (int)summary["instances"]!);
        Assert.Equal(1, (int)summary["healthy"]!);
    }

    [Fact]
    public async Task Put_OnlyInstanceInMaintenance_SelectAnswers503()
    {
        var service = Instances.UniqueService("maint-only");
        await Client.RegisterAsync(service, "a");
        using var put = await Client.PutAsync($"/services/{service}/instances/a/maintenance", """{"reason":"drain"}""");

        using var select = await Client.GetAsync(RegistryHttp.Relative($"/services/{service}/select"));

        await RegistryHttp.AssertProblemAsync(select, HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task Delete_AfterPut_ReturnsTheInstanceToRotation()
    {
        var service = Instances.UniqueService("maint-off");
        await Client.RegisterAsync(service, "a");
        using var put = await Client.PutAsync($"/services/{service}/instances/a/maintenance", """{"reason":"drain"}""");

        using var delete = await Client.SendAsync(HttpMethod.Delete, $"/services/{service}/instances/a/maintenance");
        using var again = await Client.SendAsync(HttpMethod.Delete, $"/services/{service}/instances/a/maintenance");

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        Assert.Null((await Client.ListAsync(service))[0]!["maintenance"]);
        Assert.Equal("a", await PickAsync(service));
    }

    [Fact]
    public async Task Put_Twice_IsIdempotentAndANewReasonKeepsSince()
    {
        var service = Instances.UniqueService("maint-twice");
        await Client.RegisterAsync(service, "a");
        using var first = await Client.PutAsync($"/services/{service}/instances/a/maintenance", """{"reason":"one"}""");
        var since = (string)(await Client.ListAsync(service))[0]!["maintenance"]!["since"]!;
        var index = await IndexAsync(service);

        using var same = await Client.PutAsync($"/services/{service}/instances/a/maintenance", """{"reason":"one"}""");
        Assert.Equal(index, await IndexAsync(service));
        using var other = await Client.PutAsync($"/services/{service}/instances/a/maintenance", """{"reason":"two"}""");

        Assert.Equal(HttpStatusCode.NoContent, same.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, other.StatusCode);
        var maintenance = (await Client.ListAsync(service))[0]!["maintenance"]!;
        Assert.Equal("two", (string)maintenance["reason"]!);
        Assert.Equal(since, (string)maintenance["since"]!);
    }

    [Fact]
    public async Task Put_WithoutBody_EntersWithAnEmptyReason()
    {
        var service = Instances.UniqueService("maint-nobody");
        await Client.RegisterAsync(service, "a");

        using var put = await Client.SendAsync(HttpMethod.Put, $"/services/{service}/instances/a/maintenance");

        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        Assert.Equal(string.Empty, (string)(await Client.ListAsync(service))[0]!["maintenance"]!["reason"]!);
    }

    [Fact]
    public async Task Register_InstanceInMaintenance_KeepsIt()
    {
        var service = Instances.UniqueService("maint-rereg");
        await Client.RegisterAsync(service, "a");
        using var put = await Client.PutAsync($"/services/{service}/instances/a/maintenance", """{"reason":"deploy"}""");

        var stored = await Client.RegisterAsync(service, "a", port: 9090, extra: ""","maintenance":null""");

        Assert.Equal("deploy", (string)stored["maintenance"]!["reason"]!);
        Assert.Equal(9090, (int)(await Client.ListAsync(service))[0]!["port"]!);
        Assert.Equal("deploy", (string)(await Client.ListAsync(service))[0]!["maintenance"]!["reason"]!);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task Maintenance_AbsentInstance_Returns404(string method)
    {
        var service = Instances.UniqueService("maint-absent");
        await Client.RegisterAsync(service, "present");

        using var response = await Client.SendAsync(new HttpMethod(method), $"/services/{service}/instances/absent/maintenance", method == "PUT" ? """{"reason":"x"}""" : null);

        await RegistryHttp.AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.All(await Client.ListAsync(service), i => Assert.Null(i!["maintenance"]));
    }

    [Theory]
    [InlineData("""{"reason":"line\nbreak"}""", "reason")]
    [InlineData("""{"reason":7}""", "reason")]
    [InlineData("""{"reason":""", null)]
    public async Task Put_BadBody_Returns400AndChangesNothing(string body, string? field)
    {
        var service = Instances.UniqueService("maint-bad");
        await Client.RegisterAsync(service, "a");

        using var response = await Client.PutAsync($"/services/{service}/instances/a/maintenance", body);

        var problem = await RegistryHttp.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        if (field is not null)
        {
            Assert.Equal(field, (string?)problem["field"]);
        }

        Assert.Null((await Client.ListAsync(service))[0]!["maintenance"]);
    }

    [Fact]
    public async Task Put_ReasonOver256Characters_Returns400()
    {
        var service = Instances.UniqueService("maint-long");
        await Client.RegisterAsync(service, "a");

        using var response = await Client.PutAsync($"/services/{service}/instances/a/maintenance", new JsonObject { ["reason"] = new string('r', 257) }.ToJsonString());

        Assert.Equal("reason", (string?)(await RegistryHttp.AssertProblemAsync(response, HttpStatusCode.BadRequest))["field"]);
    }

    private async Task<string> PickAsync(string service)
    {
        var (status, body, response) = await Client.GetJsonAsync($"/services/{service}/select");
        response.Dispose();
        Assert.Equal(HttpStatusCode.OK, status);
        return (string)body!["id"]!;
    }

    private async Task<long> IndexAsync(string service)
    {
        using var response = await Client.GetAsync(RegistryHttp.Relative($"/services/{service}"));
        return RegistryHttp.IndexOf(response);
    }
}
