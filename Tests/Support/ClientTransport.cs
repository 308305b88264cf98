using OrleansRegistry.Client.Options;

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

    /// <summary>Both transports, each picking locally and through the registry's balancer.</summary>
    public static TheoryData<ClientTransport, SelectionMode> BothWithEachSelection => new()
    {
        { ClientTransport.Orleans, SelectionMode.Local },
        { ClientTransport.Orleans, SelectionMode.Balancer },
        { ClientTransport.Http, SelectionMode.Local },
        { ClientTransport.Http, SelectionMode.Balancer },
    };
}
