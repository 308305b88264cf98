using Microsoft.Extensions.Logging;

namespace OrleansRegistry.Health;

public sealed partial class HealthProberGrain
{
    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "Reporting probe round {RoundId} of {ServiceName} failed")]
    private static partial void LogReportFailed(ILogger logger, Exception exception, string serviceName, Guid roundId);
}
