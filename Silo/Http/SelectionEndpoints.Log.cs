namespace OrleansRegistry.Silo.Http;

internal static partial class SelectionEndpoints
{
    [LoggerMessage(EventId = 4010, Level = LogLevel.Information, Message = "Lease release skipped: silo {Silo} left while it was being reached")]
    private static partial void LogReleaseSiloGone(ILogger logger, Exception exception, string silo);
}
