namespace OrleansRegistry.Silo.Hosting;

/// <summary>A configuration value the silo cannot start with; the message names the key.</summary>
public sealed class RegistryConfigurationException : Exception
{
    public RegistryConfigurationException()
    {
    }

    public RegistryConfigurationException(string message)
        : base(message)
    {
    }

    public RegistryConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
