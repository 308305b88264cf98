namespace OrleansRegistry.Silo.Http;

public sealed partial class ServiceChangeWatcher
{
    [LoggerMessage(EventId = 4040, Level = LogLevel.Debug, Message = "Blocking query on {ServiceName} waits for a change past index {Index}, at most {Wait}")]
    private static partial void LogWaiting(ILogger logger, string serviceName, long index, TimeSpan wait);
}
