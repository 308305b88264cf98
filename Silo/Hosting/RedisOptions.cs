namespace OrleansRegistry.Silo.Hosting;

/// <summary>The <c>Registry:Redis:*</c> keys.</summary>
public sealed class RedisOptions
{
    /// <summary>A StackExchange.Redis configuration string; a local server unless set.</summary>
    public string ConnectionString { get; set; } = "localhost:6379";
}
