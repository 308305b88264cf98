using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Dns;

/// <summary>A, AAAA and SRV answers of the real silo program, asked over the wire with ARSoft's resolver and with dig.</summary>
[Collection(RegistryHttpCollection.Name)]
public sealed class DnsAnswerTests(RegistryHttpFixture fixture)
{
    private int Port => fixture.DnsPort;

    private HttpClient Http => fixture.Client;

    [Fact]
    public async Task Query_ServiceA_AnswersEligibleInstancesOnly()
    {
        var service = UniqueService();
        await Http.RegisterAsync(service, "a", host: "10.1.0.1", port: 8001);
        await Http.RegisterAsync(service, "b", host: "10.1.0.2", port: 8002);
        await Http.RegisterAsync(service, "c", host: "10.1.0.3", port: 8003, status: "unhealthy");
        await Http.RegisterAsync(service, "d", host: "fd00::4", port: 8004);
        await Http.RegisterAsync(service, "e", host: "10.1.0.5", port: 8005, status: "starting");

        var a = await DnsQueries.QueryAsync(Port, $"{service}.service.registry", RecordType.A);
        var aaaa = await DnsQueries.QueryAsync(Port, $"{service}.service.registry", RecordType.Aaaa, DnsTransport.Tcp);

        Assert.Equal(ReturnCode.NoError, a.ReturnCode);
        Assert.True(a.IsAuthoritiveAnswer);
        Assert.Equal(["10.1.0.1", "10.1.0.2"], DnsQueries.Addresses(a));
        Assert.Equal(["fd00::4"], DnsQueries.Addresses(aaaa));
        Assert.Equal(["10.1.0.1", "10.1.0.2"], await DnsQueries.DigShortAsync(Port, $"{service}.service.registry", "A"));
        Assert.Equal(["fd00::4"], await DnsQueries.DigShortAsync(Port, $"{service}.service.registry", "AAAA"));
    }

    [Fact]
    public async Task Query_ServiceSrv_AnswersPortWeightAndResolvableTarget()
    {
        var service = UniqueService();
        await Http.RegisterAsync(service, "a", host: "10.2.0.1", port: 8001, metadata: """{"weight":"5"}""");
        await Http.RegisterAsync(service, "b", host: "fd00::2", port: 8002);
        await Http.RegisterAsync(service, "down", host: "10.2.0.3", port: 8003, status: "unhealthy");

        foreach (var name in new[] { $"{service}.service.registry", $"_{service}._tcp.service.registry" })
        {
            var answer = await DnsQueries.QueryAsync(Port, name, RecordType.Srv);

            Assert.Equal(
                [$"8001 5 a.{service}.instance.registry.", $"8002 1 b.{service}.instance.registry."],
                DnsQueries.Srv(answer));
            Assert.All(answer.AnswerRecords.OfType<SrvRecord>(), record => Assert.Equal(5, record.TimeToLive));
            var additional = answer.AdditionalRecords.OfType<IAddressRecord>().ToDictionary(record => ((DnsRecordBase)record).Name.ToString(), record => record.Address.ToString());
            Assert.Equal("10.2.0.1", additional[$"a.{service}.instance.registry."]);
            Assert.Equal("fd00::2", additional[$"b.{service}.instance.registry."]);
        }

        var target = await DnsQueries.QueryAsync(Port, $"a.{service}.instance.registry", RecordType.A);
        Assert.Equal(["10.2.0.1"], DnsQueries.Addresses(target));
        var unhealthyTarget = await DnsQueries.QueryAsync(Port, $"down.{service}.instance.registry", RecordType.A);
        Assert.Equal(ReturnCode.NxDomain, unhealthyTarget.ReturnCode);
        Assert.Equal(
            [$"1 1 8002 b.{service}.instance.registry.", $"1 5 8001 a.{service}.instance.registry."],
            await DnsQueries.DigShortAsync(Port, $"{service}.service.registry", "SRV"));
    }

    [Fact]
    public async Task Query_HostNameInstance_SrvTargetIsTheHostNameAndNoAddress()
    {
        var service = UniqueService();
        await Http.RegisterAsync(service, "named", host: "users.example.internal", port: 9000);
        await Http.RegisterAsync(service, "ip", host: "10.3.0.1", port: 9001);

        var srv = await DnsQueries.QueryAsync(Port, $"{service}.service.registry", RecordType.Srv);
        var a = await DnsQueries.QueryAsync(Port, $"{service}.service.registry", RecordType.A);

        Assert.Equal([$"9000 1 users.example.internal.", $"9001 1 ip.{service}.instance.registry."], DnsQueries.Srv(srv));
        Assert.DoesNotContain(srv.AnswerRecords, record => record.RecordType == RecordType.CName);
        Assert.Equal([$"ip.{service}.instance.registry."], srv.AdditionalRecords.OfType<IAddressRecord>().Select(record => ((DnsRecordBase)record).Name.ToString()));
        Assert.Equal(["10.3.0.1"], DnsQueries.Addresses(a));
    }

    [Fact]
    public async Task Query_UnknownService_NxDomainWithSoa()
    {
        var answer = await DnsQueries.QueryAsync(Port, $"{UniqueService()}.service.registry", RecordType.A);
        var dig = await DnsQueries.DigAsync(Port, $"{UniqueService()}.service.registry", "SRV");

        Assert.Equal(ReturnCode.NxDomain, answer.ReturnCode);
        Assert.Empty(answer.AnswerRecords);
        var soa = Assert.IsType<SoaRecord>(Assert.Single(answer.AuthorityRecords));
        Assert.Equal("registry.", soa.Name.ToString());
        Assert.Contains("status: NXDOMAIN", dig, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_KnownServiceWithoutEligibleInstance_EmptyNoError()
    {
        var service = UniqueService();
        await Http.RegisterAsync(service, "a", host: "10.4.0.1", status: "unhealthy");
        await Http.RegisterAsync(service, "b", host: "10.4.0.2");
        using var deleted = await Http.SendAsync(HttpMethod.Delete, $"/services/{service}/instances/b");
        deleted.EnsureSuccessStatusCode();

        // The deregistration was acknowledged, so it is already in this silo's copy: no polling.
        var answer = await DnsQueries.QueryAsync(Port, $"{service}.service.registry", RecordType.A);

        Assert.Equal(ReturnCode.NoError, answer.ReturnCode);
        Assert.Empty(answer.AnswerRecords);
        Assert.IsType<SoaRecord>(Assert.Single(answer.AuthorityRecords));
    }

    [Fact]
    public async Task Query_TagAndNamespaceForms_ParsedAsTheContractSays()
    {
        var service = UniqueService();
        await Http.RegisterAsync(service, "a", host: "10.5.0.1");

        var inDefault = await DnsQueries.QueryAsync(Port, $"{service}.service.default.ns.registry", RecordType.A);
        var otherNamespace = await DnsQueries.QueryAsync(Port, $"{service}.service.payments.ns.registry", RecordType.A);
        var tagged = await DnsQueries.QueryAsync(Port, $"canary.{service}.service.registry", RecordType.A);
        var taggedUnknown = await DnsQueries.QueryAsync(Port, $"canary.{UniqueService()}.service.registry", RecordType.A);

        Assert.Equal(["10.5.0.1"], DnsQueries.Addresses(inDefault));
        Assert.Equal(ReturnCode.NxDomain, otherNamespace.ReturnCode);

        // Instance a carries no tag: a tag-filtered name of a known service keeps none.
        Assert.Equal(ReturnCode.NoError, tagged.ReturnCode);
        Assert.Empty(tagged.AnswerRecords);
        Assert.Equal(ReturnCode.NxDomain, taggedUnknown.ReturnCode);
    }

    [Fact]
    public async Task Query_OutsideTheZone_Refused()
    {
        var answer = await DnsQueries.QueryAsync(Port, "example.com", RecordType.A);
        var dig = await DnsQueries.DigAsync(Port, "example.com", "A");

        Assert.Equal(ReturnCode.Refused, answer.ReturnCode);
        Assert.Contains("status: REFUSED", dig, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_TwoQuestions_FormErr()
    {
        var message = new DnsMessage { IsQuery = true, TransactionID = 4242 };
        message.Questions.Add(new DnsQuestion(DomainName.Parse("a.service.registry"), RecordType.A, RecordClass.INet));
        message.Questions.Add(new DnsQuestion(DomainName.Parse("b.service.registry"), RecordType.A, RecordClass.INet));

        var answer = await DnsQueries.SendAsync(Port, message);

        Assert.Equal(ReturnCode.FormatError, answer.ReturnCode);
    }

    [Fact]
    public async Task Query_ManyInstances_OrderShuffledPerAnswer()
    {
        var service = UniqueService();
        for (var i = 1; i <= 8; i++)
        {
            await Http.RegisterAsync(service, $"i{i}", host: $"10.6.0.{i}");
        }

        var orders = new HashSet<string>(StringComparer.Ordinal);
        await Eventually.TrueAsync(
            async () =>
            {
                var answer = await DnsQueries.QueryAsync(Port, $"{service}.service.registry", RecordType.A);
                Assert.Equal(8, answer.AnswerRecords.Count);
                orders.Add(string.Join(',', answer.AnswerRecords.OfType<ARecord>().Select(record => record.Address)));
                return orders.Count >= 3;
            },
            TimeSpan.FromSeconds(10),
            "three different record orders among the answers (8! orders: a fixed order would repeat)");
    }

    [Fact]
    public async Task Query_TwoHundredInstances_TruncatedOverUdpCompleteOverTcp()
    {
        var service = UniqueService();
        await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            Http.RegisterAsync(service, $"i{i:D3}", host: $"10.7.{i / 100}.{i % 100 + 1}")));
        var expected = Enumerable.Range(0, 200).Select(i => $"10.7.{i / 100}.{i % 100 + 1}").Order(StringComparer.Ordinal).ToArray();

        // ARSoft's resolver drops a truncated UDP answer; with TCP beside UDP it retries there, as stub resolvers do.
        var retried = await DnsQueries.QueryAsync(Port, $"{service}.service.registry", RecordType.A, DnsTransport.UdpThenTcp);
        var tcp = await DnsQueries.QueryAsync(Port, $"{service}.service.registry", RecordType.A, DnsTransport.Tcp);
        var tcpSrv = await DnsQueries.QueryAsync(Port, $"{service}.service.registry", RecordType.Srv, DnsTransport.Tcp);
        var digUdp = await DnsQueries.DigAsync(Port, "+ignore", $"{service}.service.registry", "A");
        var digTcp = await DnsQueries.DigShortAsync(Port, "+tcp", $"{service}.service.registry", "A");

        Assert.Equal(expected, DnsQueries.Addresses(retried));
        Assert.False(tcp.IsTruncated);
        Assert.Equal(expected, DnsQueries.Addresses(tcp));
        Assert.Equal(200, tcpSrv.AnswerRecords.Count);
        Assert.Equal(200, tcpSrv.AdditionalRecords.OfType<ARecord>().Count());
        Assert.Matches(@"flags: qr aa tc", digUdp);
        var udpAnswers = int.Parse(Regex.Match(digUdp, @"ANSWER: (\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.InRange(udpAnswers, 1, 199);
        Assert.Equal(expected, digTcp);
    }

    [Fact]
    public async Task Query_ServiceA_RecordsCarryTheConfiguredTtl()
    {
        var service = UniqueService();
        await Http.RegisterAsync(service, "a", host: "10.8.0.1");

        var answer = await DnsQueries.QueryAsync(Port, $"{service}.service.registry", RecordType.A);

        Assert.Equal(5, Assert.Single(answer.AnswerRecords).TimeToLive);
        Assert.Equal(IPAddress.Parse("10.8.0.1"), Assert.IsType<ARecord>(answer.AnswerRecords[0]).Address);
    }

    private static string UniqueService() => $"dns-{Guid.NewGuid():N}"[..20];
}
