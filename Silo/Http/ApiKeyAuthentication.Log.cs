namespace OrleansRegistry.Silo.Http;

public static partial class ApiKeyAuthentication
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Warning, Message = "Registry:ApiKeys is empty: anyone who reaches this silo's HTTP port can register and deregister instances")]
    private static partial void LogWritesOpen(ILogger logger);
}
