using OrleansRegistry.ClientApp.Connection;
using OrleansRegistry.ClientApp.Output;
using OrleansRegistry.Grains;

namespace OrleansRegistry.ClientApp.Cli;

/// <summary>What a running command needs: its output, its namespace and, once its input checked out, the registry.</summary>
internal sealed class CommandContext(ClientSettings settings, CliOutput output, string ns = ServiceKey.DefaultNamespace) : IAsyncDisposable
{
    private IRegistryConnection? _connection;

    public ClientSettings Settings { get; } = settings;

    public CliOutput Output { get; } = output;

    /// <summary>The <c>--namespace</c> the command addresses.</summary>
    public string Namespace { get; } = ns;

    /// <summary>
    /// The registry's operations in <see cref="Namespace"/>, over HTTP (<c>--registry</c>) or the
    /// gateways; connects on first use and throws <see cref="RegistryUnreachableException"/> when
    /// no gateway answers in time.
    /// </summary>
    public async Task<IRegistryOperations> ConnectAsync(CancellationToken cancellationToken) =>
        (await OpenAsync(cancellationToken)).Operations;

    /// <summary>The registry client library (service calls, watches) on the same transport and namespace; connects on first use.</summary>
    public async Task<IServiceProvider> ServicesAsync(CancellationToken cancellationToken) =>
        (await OpenAsync(cancellationToken)).Services;

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    private async Task<IRegistryConnection> OpenAsync(CancellationToken cancellationToken) =>
        _connection ??= Settings.OverHttp
            ? await HttpRegistryConnection.OpenAsync(Settings, Namespace, cancellationToken)
            : await RegistryConnection.ConnectAsync(Settings, Namespace, cancellationToken);
}
