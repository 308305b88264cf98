using OrleansRegistry.ClientApp.Connection;
using OrleansRegistry.ClientApp.Output;
using OrleansRegistry.Grains;

namespace OrleansRegistry.ClientApp.Cli;

/// <summary>What a running command needs: its output, its namespace and, once its input checked out, the cluster.</summary>
internal sealed class CommandContext(ClientSettings settings, CliOutput output, string ns = ServiceKey.DefaultNamespace) : IAsyncDisposable
{
    private RegistryConnection? _connection;

    public ClientSettings Settings { get; } = settings;

    public CliOutput Output { get; } = output;

    /// <summary>The <c>--namespace</c> the command addresses.</summary>
    public string Namespace { get; } = ns;

    /// <summary>The grain key of <paramref name="serviceName"/> in <see cref="Namespace"/>; throws naming the field when either is not a valid name.</summary>
    public string ServiceKeyOf(string serviceName, string field = "service_name") => ServiceKey.Of(Namespace, serviceName, field).GrainKey;

    /// <summary>Connects on first use; throws <see cref="RegistryUnreachableException"/> when no gateway answers in time.</summary>
    public async Task<IClusterClient> ConnectAsync(CancellationToken cancellationToken)
    {
        _connection ??= await RegistryConnection.ConnectAsync(Settings, cancellationToken);
        return _connection.Client;
    }

    /// <summary>The connected client's services (registry client library included); connects on first use.</summary>
    public async Task<IServiceProvider> ServicesAsync(CancellationToken cancellationToken)
    {
        await ConnectAsync(cancellationToken);
        return _connection!.Services;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }
}
