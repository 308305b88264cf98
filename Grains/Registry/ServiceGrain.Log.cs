using Microsoft.Extensions.Logging;

namespace OrleansRegistry.Registry;

public sealed partial class ServiceGrain
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Registered {ServiceName}/{InstanceId} at {Host}:{Port}")]
    private static partial void LogRegistered(ILogger logger, string serviceName, string instanceId, string host, int port);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Deregistered {ServiceName}/{InstanceId}")]
    private static partial void LogDeregistered(ILogger logger, string serviceName, string instanceId);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Error, Message = "Storing {ServiceName} failed; its changes not yet stored were dropped")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string serviceName);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Updating the catalog entry of {ServiceName} failed")]
    private static partial void LogCatalogFailed(ILogger logger, Exception exception, string serviceName);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "The catalog did not take the counts of {ServiceName} within {Timeout}; the change is acknowledged and the catalog follows")]
    private static partial void LogCatalogSlow(ILogger logger, string serviceName, TimeSpan timeout);
}
