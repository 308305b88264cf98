using System.Net;
using ARSoft.Tools.Net.Dns;
using OrleansRegistry.Tests.Dns;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Namespaces;

/// <summary><c>{service}.service.{ns}.ns.{domain}</c>: each namespace's instances only.</summary>
[Collection(RegistryHttpCollection.Name)]
public sealed class NamespaceDnsTests(RegistryHttpFixture fixture)
{
    [Fact]
    public async Task Query_SameNameInTwoNamespaces_AnswersEachNamespacesInstances()
    {
        var (blue, green, name) = ($"blue-{Guid.NewGuid():N}"[..16], $"green-{Guid.NewGuid():N}"[..16], $"dns-{Guid.NewGuid():N}"[..16]);
        await RegisterAsync(blue, name, "b-1", "10.7.0.1", 7001);
        await RegisterAsync(green, name, "g-1", "10.7.0.2", 7002);

        var inBlue = await DnsQueries.QueryAsync(fixture.DnsPort, $"{name}.service.{blue}.ns.registry", RecordType.A);
        var inGreen = await DnsQueries.QueryAsync(fixture.DnsPort, $"{name}.service.{green}.ns.registry", RecordType.A);
        var inDefault = await DnsQueries.QueryAsync(fixture.DnsPort, $"{name}.service.registry", RecordType.A);
        var srv = await DnsQueries.QueryAsync(fixture.DnsPort, $"_{name}._tcp.service.{blue}.ns.registry", RecordType.Srv);
        var target = await DnsQueries.QueryAsync(fixture.DnsPort, $"b-1.{name}.instance.{blue}.ns.registry", RecordType.A);

        Assert.Equal(["10.7.0.1"], DnsQueries.Addresses(inBlue));
        Assert.Equal(["10.7.0.2"], DnsQueries.Addresses(inGreen));
        Assert.Equal(ReturnCode.NxDomain, inDefault.ReturnCode);
        Assert.Equal([$"7001 1 b-1.{name}.instance.{blue}.ns.registry."], DnsQueries.Srv(srv));
        Assert.Equal(["10.7.0.1"], DnsQueries.Addresses(target));
    }

    private async Task RegisterAsync(string ns, string name, string id, string host, int port)
    {
        using var response = await fixture.Client.PutAsync($"/namespaces/{ns}/services/{name}/instances/{id}", $$"""{"host":"{{host}}","port":{{port}}}""");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
