using System.Net;

namespace OrleansRegistry.Silo.Dns;

public sealed partial class DnsHostedService
{
    [LoggerMessage(EventId = 8001, Level = LogLevel.Information, Message = "DNS listening on {EndPoint} (UDP and TCP) for {Zone}")]
    private static partial void LogListening(ILogger logger, IPEndPoint endPoint, ARSoft.Tools.Net.DomainName zone);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Information, Message = "DNS is off (Registry:Dns:Port is 0)")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(EventId = 8003, Level = LogLevel.Warning, Message = "DNS query {Question} failed; answered SERVFAIL")]
    private static partial void LogQueryFailed(ILogger logger, Exception exception, string question);

    // Debug: every malformed packet from the network lands here.
    [LoggerMessage(EventId = 8004, Level = LogLevel.Debug, Message = "DNS server dropped a packet or connection")]
    private static partial void LogServerException(ILogger logger, Exception exception);
}
