namespace OrleansRegistry.Tests.Dns;

/// <summary>How a test's resolver asks.</summary>
public enum DnsTransport
{
    Udp,
    Tcp,

    /// <summary>UDP first, TCP when the UDP answer is truncated, as stub resolvers do.</summary>
    UdpThenTcp,
}
