namespace OrleansRegistry.Silo.Hosting;

internal sealed partial class PostgreSqlSchema
{
    [LoggerMessage(EventId = 9001, Level = LogLevel.Information, Message = "Applied {Script} to the PostgreSQL database: its tables were absent")]
    private static partial void LogApplied(ILogger logger, string script);
}
