using Microsoft.Extensions.Logging;
using OrleansRegistry.Model;

namespace OrleansRegistry.Registry;

public sealed partial class ServiceGrain
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "{ServiceName}/{InstanceId} is now unhealthy (was {Previous}): {Reason}")]
    private static partial void LogTurnedUnhealthy(ILogger logger, string serviceName, string instanceId, ServiceStatus previous, string reason);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Information, Message = "{ServiceName}/{InstanceId} is now {Status} (was {Previous}): {Reason}")]
    private static partial void LogStatusChanged(ILogger logger, string serviceName, string instanceId, ServiceStatus previous, ServiceStatus status, string reason);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "{ServiceName} is in panic: more than half of its healthy instances failed at once; keeping {Instances} selectable and pausing eviction")]
    private static partial void LogPanicEntered(ILogger logger, string serviceName, string instances);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "{ServiceName} left panic: failing instances are out of selection again")]
    private static partial void LogPanicLeft(ILogger logger, string serviceName);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Evicted {ServiceName}/{InstanceId}: unhealthy for longer than {DeregisterAfter}")]
    private static partial void LogEvicted(ILogger logger, string serviceName, string instanceId, TimeSpan deregisterAfter);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Probe round {RoundId} of {ServiceName} never reported; starting a new one")]
    private static partial void LogRoundOverdue(ILogger logger, string serviceName, Guid roundId);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Debug, Message = "Ignored probe round {RoundId} of {ServiceName}: not the round in flight")]
    private static partial void LogStaleRound(ILogger logger, string serviceName, Guid roundId);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Warning, Message = "Updating the health-check reminder of {ServiceName} failed")]
    private static partial void LogReminderFailed(ILogger logger, Exception exception, string serviceName);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Debug, Message = "Checking {ServiceName} every {Interval}")]
    private static partial void LogCheckingStarted(ILogger logger, string serviceName, TimeSpan interval);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Debug, Message = "Stopped checking {ServiceName}: nothing left to check")]
    private static partial void LogCheckingStopped(ILogger logger, string serviceName);
}
