namespace OrleansRegistry.Silo.Http;

/// <summary>Bounds of the HTTP API.</summary>
public static class HttpApiLimits
{
    /// <summary>The largest request body accepted (1 MiB); larger ones get 413.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>The longest a blocking query waits; longer <c>wait</c> values are clamped to it.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(5);

    /// <summary>The wait of a blocking query that gives <c>index</c> without <c>wait</c>.</summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Up to wait/16 is added to every wait, so that clients that started together do not all come
    /// back in the same instant.
    /// </summary>
    public const int JitterDivisor = 16;

    /// <summary>The longest lease token accepted by the release endpoint.</summary>
    public const int MaxLeaseTokenLength = 512;
}
