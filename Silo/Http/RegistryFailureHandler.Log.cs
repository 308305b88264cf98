namespace OrleansRegistry.Silo.Http;

internal sealed partial class RegistryFailureHandler
{
    [LoggerMessage(EventId = 4020, Level = LogLevel.Error, Message = "{Method} {Path} failed with {Status}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string method, PathString path, int status);
}
