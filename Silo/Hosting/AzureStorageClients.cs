using Azure.Core;
using Azure.Data.Tables;

namespace OrleansRegistry.Silo.Hosting;

/// <summary>
/// Table clients tuned for a registry: when storage is down a write must fail within a few seconds
/// (and surface as 503) instead of riding the SDK's default retries for tens of seconds.
/// </summary>
internal static class AzureStorageClients
{
    public static TableServiceClient CreateTableServiceClient(string connectionString)
    {
        var options = new TableClientOptions
        {
            Retry =
            {
                Mode = RetryMode.Fixed,
                MaxRetries = 1,
                Delay = TimeSpan.FromMilliseconds(200),
                NetworkTimeout = TimeSpan.FromSeconds(2),
            },
        };
        return new TableServiceClient(connectionString, options);
    }
}
