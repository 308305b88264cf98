namespace OrleansRegistry.Client.Picking;

/// <summary>No instance of the service can be called right now.</summary>
public sealed class NoInstanceAvailableException : Exception
{
    public NoInstanceAvailableException()
    {
    }

    public NoInstanceAvailableException(string message)
        : base(message)
    {
    }

    public NoInstanceAvailableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public NoInstanceAvailableException(string serviceName, NoInstanceReason reason)
        : base(reason == NoInstanceReason.AllCircuitsOpen
            ? $"Every healthy instance of '{serviceName}' has an open circuit breaker."
            : $"The registry lists no healthy instance of '{serviceName}'.")
    {
        ServiceName = serviceName;
        Reason = reason;
    }

    public string? ServiceName { get; }

    public NoInstanceReason Reason { get; }
}
