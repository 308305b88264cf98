namespace OrleansRegistry.Silo.Http;

internal sealed partial class ApiKeyAuthenticationHandler
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Refused {Method} {Path} from {Remote}: missing or unknown API key")]
    private static partial void LogRefused(ILogger logger, string method, PathString path, System.Net.IPAddress? remote);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Refused {Method} {Path} from {Remote}: the API key does not grant this")]
    private static partial void LogForbidden(ILogger logger, string method, PathString path, System.Net.IPAddress? remote);
}
