using System.Net;
using System.Net.Sockets;
using ARSoft.Tools.Net.Dns;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Dns;

/// <summary>Garbage on the DNS port is answered (FORMERR) or dropped, and the server keeps serving.</summary>
[Collection(RegistryHttpCollection.Name)]
public sealed class DnsMalformedPacketTests(RegistryHttpFixture fixture)
{
    [Fact]
    public async Task Receive_ThousandRandomUdpPackets_ServerKeepsAnswering()
    {
        var service = $"dns-{Guid.NewGuid():N}"[..20];
        await fixture.Client.RegisterAsync(service, "a", host: "10.9.0.1");
        var random = new Random(1279);
        using var socket = new UdpClient(AddressFamily.InterNetwork);
        socket.Connect(IPAddress.Loopback, fixture.DnsPort);
        for (var i = 0; i < 1000; i++)
        {
            var packet = new byte[random.Next(1, 600)];
            random.NextBytes(packet);
            if (i % 2 == 0 && packet.Length >= 12)
            {
                // Half look like a query header (QR=0, opcode 0, one question) followed by garbage,
                // so that they reach the parser's deeper paths rather than fail on the first byte.
                packet[2] = 0x01;
                packet[3] = 0x00;
                packet[4] = 0x00;
                packet[5] = 0x01;
            }

            await socket.SendAsync(packet);
            await DrainAsync(socket);
        }

        // The server may still be answering the garbage queued before this query (a busy machine
        // runs the whole suite at once), and UDP may drop a datagram: ask until a deadline.
        DnsMessage? answer = null;
        await Eventually.TrueAsync(
            async () => (answer = await DnsQueries.TryQueryAsync(fixture.DnsPort, $"{service}.service.registry", RecordType.A)) is not null,
            TimeSpan.FromSeconds(60),
            "an answer after the malformed packets");

        Assert.Equal(["10.9.0.1"], DnsQueries.Addresses(answer!));
    }

    [Fact]
    public async Task Receive_GarbageOverTcp_ServerKeepsAnswering()
    {
        var random = new Random(11046);
        for (var i = 0; i < 20; i++)
        {
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(IPAddress.Loopback, fixture.DnsPort);
            var garbage = new byte[random.Next(2, 300)];
            random.NextBytes(garbage);
            await tcp.GetStream().WriteAsync(garbage);
        }

        var answer = await DnsQueries.QueryAsync(fixture.DnsPort, "example.com", RecordType.A, DnsTransport.Tcp);

        Assert.Equal(ReturnCode.Refused, answer.ReturnCode);
    }

    /// <summary>Reads whatever answers are waiting (FORMERR and the like) without waiting for more.</summary>
    private static async Task DrainAsync(UdpClient socket)
    {
        while (socket.Available > 0)
        {
            await socket.ReceiveAsync();
        }
    }
}
