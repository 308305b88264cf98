namespace OrleansRegistry.Errors;

/// <summary>
/// This silo cannot vouch for its copies: it is not an Active member of the cluster, or it was
/// paused and has not yet confirmed that it still is. Ask another silo.
/// </summary>
[GenerateSerializer, Alias("registry.SiloNotServingException")]
public sealed class SiloNotServingException : OrleansException
{
    public SiloNotServingException()
        : base("This silo is not serving: it is not an active member of the cluster.")
    {
    }

    public SiloNotServingException(string message)
        : base(message)
    {
    }

    public SiloNotServingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
