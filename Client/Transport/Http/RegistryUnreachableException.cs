namespace OrleansRegistry.Client.Transport.Http;

/// <summary>No answer from the registry at <see cref="Url"/> (no connection, or none in time).</summary>
public sealed class RegistryUnreachableException : Exception
{
    public RegistryUnreachableException()
    {
    }

    public RegistryUnreachableException(string message)
        : base(message)
    {
    }

    public RegistryUnreachableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RegistryUnreachableException(Uri url, Exception innerException)
        : base($"The registry at {url} did not answer: {innerException?.Message}", innerException)
    {
        Url = url;
    }

    public Uri? Url { get; }
}
