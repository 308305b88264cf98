namespace OrleansRegistry.ClientApp.Cli;

/// <summary>The command line itself is wrong (unknown option, missing argument); exit code 2.</summary>
internal sealed class UsageException : Exception
{
    public UsageException()
    {
    }

    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
