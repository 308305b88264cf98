namespace OrleansRegistry.ClientApp.Connection;

/// <summary>No gateway of the cluster, or no registry URL, answered; exit code 3.</summary>
internal sealed class RegistryUnreachableException : Exception
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
}
