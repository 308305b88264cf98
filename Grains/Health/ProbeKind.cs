namespace OrleansRegistry.Health;

/// <summary>How an instance is probed.</summary>
[GenerateSerializer, Alias("registry.ProbeKind")]
public enum ProbeKind
{
    /// <summary>GET the health URL; any 2xx passes.</summary>
    Http = 0,

    /// <summary>Open a TCP connection to host:port.</summary>
    Tcp = 1,
}
