using System.Globalization;
using System.Net;
using ARSoft.Tools.Net.Dns;

namespace OrleansRegistry.Benchmarks.Dns;

/// <summary>
/// The DNS baseline (<c>serve-dns</c>): ARSoft.Tools.Net's <see cref="DnsServer"/>, the library the
/// silo answers with, on UDP, answering every question with a fixed set of records (recorded from
/// the silo, so both answers carry the same records) and no registry behind it.
/// </summary>
internal static class BareDnsServer
{
    public const string Command = "serve-dns";

    /// <summary>Arguments: port, file with a recorded DNS answer.</summary>
    public static async Task<int> RunAsync(string[] arguments)
    {
        var port = int.Parse(arguments[0], CultureInfo.InvariantCulture);
        var recorded = DnsMessage.Parse(await File.ReadAllBytesAsync(arguments[1]));
        using var server = new DnsServer(new UdpServerTransport(new IPEndPoint(IPAddress.Loopback, port)));
        server.QueryReceived += (_, e) =>
        {
            if (e.Query is DnsMessage query)
            {
                var response = query.CreateResponseInstance();
                response.ReturnCode = ReturnCode.NoError;
                response.IsAuthoritiveAnswer = true;
                response.AnswerRecords.AddRange(recorded.AnswerRecords);
                e.Response = response;
            }

            return Task.CompletedTask;
        };
        server.Start();
        await Task.Delay(Timeout.Infinite);
        return 0;
    }
}
