namespace OrleansRegistry.Client.Discovery;

/// <summary>The registry could not be reached and the client holds no earlier list of the service.</summary>
public sealed class RegistryUnavailableException : Exception
{
    public RegistryUnavailableException()
    {
    }

    public RegistryUnavailableException(string message)
        : base(message)
    {
    }

    public RegistryUnavailableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public RegistryUnavailableException(string serviceName, string message, Exception? innerException)
        : base(message, innerException)
    {
        ServiceName = serviceName;
    }

    public string? ServiceName { get; }
}
