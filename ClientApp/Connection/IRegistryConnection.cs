namespace OrleansRegistry.ClientApp.Connection;

/// <summary>
/// The registry reached one way: through the gateways as an Orleans client (<see cref="RegistryConnection"/>)
/// or over the HTTP API (<see cref="HttpRegistryConnection"/>). Disposing it lets go of the transport.
/// </summary>
internal interface IRegistryConnection : IAsyncDisposable
{
    /// <summary>The commands' operations on the registry.</summary>
    IRegistryOperations Operations { get; }

    /// <summary>The registry client library (service calls, watches) on the same transport and namespace.</summary>
    IServiceProvider Services { get; }
}
