using System.Diagnostics;
using System.Globalization;
using System.Net;
using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;

namespace OrleansRegistry.Tests.Dns;

/// <summary>Real DNS queries against a silo's DNS port: with ARSoft's resolver and with dig.</summary>
public static class DnsQueries
{
    private static readonly TimeSpan DigTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Asks over <paramref name="transport"/>.</summary>
    public static async Task<DnsMessage> QueryAsync(int port, string name, RecordType type, DnsTransport transport = DnsTransport.Udp)
    {
        var answer = await TryQueryAsync(port, name, type, transport);
        Assert.True(answer is not null, $"no DNS answer for {name} {type} on port {port} over {transport}");
        return answer;
    }

    /// <summary>Asks over <paramref name="transport"/>; null when no answer came within the resolver's timeout.</summary>
    public static async Task<DnsMessage?> TryQueryAsync(int port, string name, RecordType type, DnsTransport transport = DnsTransport.Udp)
    {
        using var client = Client(port, transport);
        return await client.ResolveAsync(DomainName.Parse(name), type);
    }

    /// <summary>Sends a message as built (for example two questions) over UDP.</summary>
    public static async Task<DnsMessage> SendAsync(int port, DnsMessage message)
    {
        using var client = Client(port, DnsTransport.Udp);
        var answer = await client.SendMessageAsync(message);
        Assert.True(answer is not null, $"no DNS answer on port {port}");
        return answer;
    }

    /// <summary>The addresses of the A or AAAA records of an answer, sorted.</summary>
    public static string[] Addresses(DnsMessage answer) =>
        answer.AnswerRecords.OfType<IAddressRecord>().Select(record => record.Address.ToString()).Order(StringComparer.Ordinal).ToArray();

    /// <summary>"port weight target" of every SRV record of an answer, sorted.</summary>
    public static string[] Srv(DnsMessage answer) =>
        answer.AnswerRecords.OfType<SrvRecord>()
            .Select(record => string.Create(CultureInfo.InvariantCulture, $"{record.Port} {record.Weight} {record.Target}"))
            .Order(StringComparer.Ordinal)
            .ToArray();

    /// <summary>Runs dig against the silo; its standard output.</summary>
    public static async Task<string> DigAsync(int port, params string[] arguments)
    {
        var start = new ProcessStartInfo("dig") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("@127.0.0.1");
        start.ArgumentList.Add("-p");
        start.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException("dig is not installed (Debian package dnsutils; scripts/install-test-tools.sh installs it)", exception);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(DigTimeout);
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(process.ExitCode == 0, $"dig {string.Join(' ', arguments)} exited {process.ExitCode}: {await output}{await error}");
            return await output;
        }
    }

    /// <summary>The lines of <c>dig +short</c>, sorted.</summary>
    public static async Task<string[]> DigShortAsync(int port, params string[] arguments) =>
        (await DigAsync(port, [.. arguments, "+short"]))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Order(StringComparer.Ordinal)
            .ToArray();

    private static DnsClient Client(int port, DnsTransport transport) =>
        new(
            [IPAddress.Loopback],
            transport switch
            {
                DnsTransport.Udp => [new UdpClientTransport(port)],
                DnsTransport.Tcp => [new TcpClientTransport(port)],
                _ => [new UdpClientTransport(port), new TcpClientTransport(port)],
            },
            true,
            5000);
}
