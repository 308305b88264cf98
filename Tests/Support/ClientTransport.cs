namespace OrleansRegistry.Tests.Support;

/// <summary>How a client-library test reaches the registry: every such test runs once with each.</summary>
public enum ClientTransport
{
    /// <summary><c>AddOrleansRegistryClient</c> over the silo's grain factory.</summary>
    Orleans,

    /// <summary><c>AddRegistryClient(o => o.Url = ...)</c> over the silo's HTTP API.</summary>
    Http,
}

public static class ClientTransports
{
    /// <summary>For <c>[MemberData(nameof(ClientTransports.Both), MemberType = typeof(ClientTransports))]</c>.</summary>
    public static TheoryData<ClientTransport> Both => [ClientTransport.Orleans, ClientTransport.Http];
}
