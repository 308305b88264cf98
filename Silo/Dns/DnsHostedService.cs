using System.Net;
using ARSoft.Tools.Net.Dns;
using Microsoft.Extensions.Options;

namespace OrleansRegistry.Silo.Dns;

/// <summary>
/// The silo's DNS server (ARSoft.Tools.Net) on <c>Registry:Dns:Address</c>:<c>Registry:Dns:Port</c>,
/// UDP and TCP. The library parses and encodes the wire format and truncates a UDP answer that does
/// not fit (TC set; the caller retries over TCP and gets it whole). A packet it cannot parse is
/// dropped and reported through <see cref="DnsServer.ExceptionThrown"/>; one that parses but is not
/// a plain question gets FORMERR from <see cref="DnsResponder"/>. Neither stops the server.
/// </summary>
public sealed partial class DnsHostedService(DnsResponder responder, IOptions<DnsOptions> options, ILogger<DnsHostedService> logger)
    : IHostedService
{
    private DnsServer? _server;

    /// <summary>Where DNS listens; null while it is off.</summary>
    public IPEndPoint? EndPoint { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            LogDisabled(logger);
            return Task.CompletedTask;
        }

        var endPoint = new IPEndPoint(IPAddress.Parse(settings.Address), settings.Port);
        var server = new DnsServer(new UdpServerTransport(endPoint), new TcpServerTransport(endPoint));
        server.QueryReceived += OnQueryReceivedAsync;
        server.ExceptionThrown += OnExceptionThrownAsync;

        // Binds both sockets now: a port in use fails the silo's start with the socket's error.
        server.Start();
        _server = server;
        EndPoint = endPoint;
        LogListening(logger, endPoint, responder.Zone.Name);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is { } server)
        {
            _server = null;
            server.Stop();
        }

        return Task.CompletedTask;
    }

    private async Task OnQueryReceivedAsync(object sender, QueryReceivedEventArgs e)
    {
        if (e.Query is not DnsMessage query)
        {
            return;
        }

        try
        {
            e.Response = await responder.AnswerAsync(query);
        }
        catch (Exception exception)
        {
            // The library answers SERVFAIL when no response is set.
            LogQueryFailed(logger, exception, query.Questions.FirstOrDefault()?.ToString() ?? "(no question)");
        }
    }

    private Task OnExceptionThrownAsync(object sender, ExceptionEventArgs e)
    {
        LogServerException(logger, e.Exception);
        return Task.CompletedTask;
    }
}
