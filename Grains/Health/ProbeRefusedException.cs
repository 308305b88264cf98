using System.Net;

namespace OrleansRegistry.Health;

/// <summary>A probe the registry refused to send because its target resolved to a forbidden address.</summary>
public sealed class ProbeRefusedException : Exception
{
    public ProbeRefusedException()
    {
    }

    public ProbeRefusedException(string message)
        : base(message)
    {
    }

    public ProbeRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ProbeRefusedException(string host, IPAddress address)
        : base($"'{host}' resolves to {address}, a link-local or cloud metadata address")
    {
    }
}
