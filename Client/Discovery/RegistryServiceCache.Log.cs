using Microsoft.Extensions.Logging;

namespace OrleansRegistry.Client.Discovery;

public sealed partial class RegistryServiceCache
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Debug, Message = "Loaded {ServiceName} at change index {Index} with {Count} instances")]
    private static partial void LogSnapshotLoaded(ILogger logger, string serviceName, long index, int count);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Debug, Message = "Applied a pushed change of {ServiceName}: change index {Index}, {Count} instances")]
    private static partial void LogPushApplied(ILogger logger, string serviceName, long index, int count);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Warning, Message = "The registry could not be reached for {ServiceName}")]
    private static partial void LogRegistryCallFailed(ILogger logger, Exception exception, string serviceName);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Warning, Message = "Serving the last known instances of {ServiceName} (change index {Index}, confirmed {Age} ago) while the registry cannot be reached")]
    private static partial void LogServingLastKnownGood(ILogger logger, string serviceName, long index, TimeSpan age);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Information, Message = "The registry answers again for {ServiceName}")]
    private static partial void LogRegistryReachableAgain(ILogger logger, string serviceName);

    [LoggerMessage(EventId = 7006, Level = LogLevel.Information, Message = "The connection to the registry changed; renewing change subscriptions")]
    private static partial void LogConnectionChanged(ILogger logger);

    [LoggerMessage(EventId = 7007, Level = LogLevel.Debug, Message = "Dropped {ServiceName} from the cache: not used recently")]
    private static partial void LogIdleServiceDropped(ILogger logger, string serviceName);

    [LoggerMessage(EventId = 7008, Level = LogLevel.Debug, Message = "Could not unsubscribe from {ServiceName}; the subscription will expire")]
    private static partial void LogUnsubscribeFailed(ILogger logger, Exception exception, string serviceName);

    [LoggerMessage(EventId = 7009, Level = LogLevel.Error, Message = "Renewing change subscriptions failed")]
    private static partial void LogRenewalFailed(ILogger logger, Exception exception);
}
