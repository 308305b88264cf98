using Microsoft.Extensions.Logging;

namespace OrleansRegistry.Health;

public sealed partial class InstanceProber
{
    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Probe of {ServiceName}/{InstanceId} refused: {Reason}")]
    private static partial void LogProbeRefused(ILogger logger, string serviceName, string instanceId, string reason);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Probe of {ServiceName}/{InstanceId} failed unexpectedly")]
    private static partial void LogProbeError(ILogger logger, Exception exception, string serviceName, string instanceId);
}
