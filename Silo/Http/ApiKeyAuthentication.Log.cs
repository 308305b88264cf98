namespace OrleansRegistry.Silo.Http;

public static partial class ApiKeyAuthentication
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Warning, Message = "No API key is configured (Registry:Auth:Keys, Registry:ApiKeys): anyone who reaches this silo's HTTP port can register and deregister instances")]
    private static partial void LogWritesOpen(ILogger logger);
}
