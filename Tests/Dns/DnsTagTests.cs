using ARSoft.Tools.Net.Dns;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Dns;

/// <summary><c>{tag}.{service}.service.{domain}</c>: only the eligible instances carrying the tag.</summary>
[Collection(RegistryHttpCollection.Name)]
public sealed class DnsTagTests(RegistryHttpFixture fixture)
{
    [Fact]
    public async Task Query_TagName_AnswersOnlyEligibleInstancesCarryingTheTag()
    {
        var service = $"dnstag-{Guid.NewGuid():N}"[..20];
        await fixture.Client.RegisterAsync(service, "a", host: "10.6.0.1", port: 8001, extra: ""","tags":["canary","v2"]""");
        await fixture.Client.RegisterAsync(service, "b", host: "10.6.0.2", port: 8002, extra: ""","tags":["v2"]""");
        await fixture.Client.RegisterAsync(service, "c", host: "10.6.0.3", port: 8003, extra: ""","tags":["canary"]""", status: "unhealthy");
        await fixture.Client.RegisterAsync(service, "d", host: "10.6.0.4", port: 8004);

        var canary = await DnsQueries.QueryAsync(fixture.DnsPort, $"canary.{service}.service.registry", RecordType.A);
        var v2 = await DnsQueries.QueryAsync(fixture.DnsPort, $"v2.{service}.service.registry", RecordType.Srv);
        var wrongCase = await DnsQueries.QueryAsync(fixture.DnsPort, $"CANARY.{service}.service.registry", RecordType.A);
        var all = await DnsQueries.QueryAsync(fixture.DnsPort, $"{service}.service.registry", RecordType.A);

        Assert.Equal(["10.6.0.1"], DnsQueries.Addresses(canary));
        Assert.Equal(2, v2.AnswerRecords.OfType<SrvRecord>().Count());
        Assert.Equal([8001, 8002], v2.AnswerRecords.OfType<SrvRecord>().Select(record => (int)record.Port).Order());
        Assert.Equal(ReturnCode.NoError, wrongCase.ReturnCode);
        Assert.Empty(wrongCase.AnswerRecords);
        Assert.Equal(["10.6.0.1", "10.6.0.2", "10.6.0.4"], DnsQueries.Addresses(all));
        Assert.Equal(["10.6.0.1"], await DnsQueries.DigShortAsync(fixture.DnsPort, $"canary.{service}.service.registry", "A"));
    }
}
