namespace OrleansRegistry.Silo.Dns;

public sealed partial class DnsResponder
{
    [LoggerMessage(EventId = 8010, Level = LogLevel.Warning, Message = "Service grain of {ServiceName} did not answer; DNS answered from this silo's copy")]
    private static partial void LogServedHeldCopy(ILogger logger, Exception exception, string serviceName);
}
