using Microsoft.Extensions.Logging;

namespace OrleansRegistry.Registry;

public sealed partial class ServiceGrain
{
    [LoggerMessage(EventId = 1010, Level = LogLevel.Information, Message = "{ServiceName}/{InstanceId} entered maintenance: {Reason}")]
    private static partial void LogMaintenanceEntered(ILogger logger, string serviceName, string instanceId, string reason);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Information, Message = "{ServiceName}/{InstanceId} left maintenance")]
    private static partial void LogMaintenanceLeft(ILogger logger, string serviceName, string instanceId);
}
