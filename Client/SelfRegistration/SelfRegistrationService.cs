using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansRegistry.Client.Picking;
using OrleansRegistry.Client.Transport;
using OrleansRegistry.Model;
using OrleansRegistry.Validation;

namespace OrleansRegistry.Client.SelfRegistration;

/// <summary>
/// Registers this process as an instance once the server listens, heartbeats (registering again
/// when the registry forgot it), and at graceful shutdown deregisters first, then keeps serving for
/// the drain period. It works in <see cref="IHostedLifecycleService.StoppingAsync"/>, which runs
/// before any hosted service stops, so the server and the registry transport are still up throughout.
/// </summary>
public sealed partial class SelfRegistrationService(
    IRegistryTransport transport,
    IOptions<SelfRegistrationOptions> options,
    TimeProvider timeProvider,
    IServiceProvider services,
    ILogger<SelfRegistrationService> logger) : IHostedLifecycleService, IDisposable
{
    /// <summary>The maintenance reason an instance shows while it drains (<see cref="SelfRegistrationOptions.MaintenanceBeforeDrain"/>).</summary>
    public const string DrainingReason = "draining";

    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource<ServiceInstance> _registered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _loop = Task.CompletedTask;
    private ServiceInstance? _instance;
    private int _disposed;

    /// <summary>The instance this process registers; null before the host started.</summary>
    public ServiceInstance? Instance => _instance;

    /// <summary>Completes when the first registration succeeded.</summary>
    public Task<ServiceInstance> Registered => _registered.Task;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Every hosted service started, the server among them: its addresses are known now.</summary>
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        _instance = BuildInstance();
        _loop = Task.Run(() => RunAsync(_instance, _stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (_instance is not { } instance)
        {
            return;
        }

        var settings = options.Value;
        if (settings.MaintenanceBeforeDrain)
        {
            await TryAsync(transport.SetMaintenanceAsync(instance.ServiceName, instance.Id, DrainingReason, cancellationToken), instance, cancellationToken).ConfigureAwait(false);
            await DrainAsync(settings.DrainPeriod, cancellationToken).ConfigureAwait(false);
            await DeregisterAsync(instance, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await DeregisterAsync(instance, cancellationToken).ConfigureAwait(false);
            await DrainAsync(settings.DrainPeriod, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Takes this instance out of rotation (it stays registered and probed); false when the registry does not know it.</summary>
    /// <exception cref="InvalidOperationException">The host has not started yet.</exception>
    public Task<bool> EnterMaintenanceAsync(string reason, CancellationToken cancellationToken = default)
    {
        RegistryValidator.ValidateMaintenanceReason(reason);
        return SetMaintenanceAsync(reason, cancellationToken);
    }

    /// <summary>Puts this instance back into rotation; false when the registry does not know it.</summary>
    /// <exception cref="InvalidOperationException">The host has not started yet.</exception>
    public Task<bool> LeaveMaintenanceAsync(CancellationToken cancellationToken = default) => SetMaintenanceAsync(null, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        // The container holds this service twice (as itself and as a hosted service) and disposes both.
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _stopping.Cancel();
            _stopping.Dispose();
        }
    }

    private async Task<bool> SetMaintenanceAsync(string? reason, CancellationToken cancellationToken)
    {
        var instance = _instance ?? throw new InvalidOperationException("The instance is registered once the host has started.");
        return await transport.SetMaintenanceAsync(instance.ServiceName, instance.Id, reason, cancellationToken)
            .WaitAsync(options.Value.RegistryTimeout, timeProvider, cancellationToken)
            .ConfigureAwait(false);
    }

    private async Task DeregisterAsync(ServiceInstance instance, CancellationToken cancellationToken)
    {
        if (await TryAsync(transport.DeregisterAsync(instance.ServiceName, instance.Id, cancellationToken), instance, cancellationToken).ConfigureAwait(false))
        {
            LogDeregistered(logger, instance.ServiceName, instance.Id);
        }
    }

    /// <summary>A shutdown step bounded by the registry timeout; a failure is logged (health checks remove the instance in time).</summary>
    private async Task<bool> TryAsync(Task call, ServiceInstance instance, CancellationToken cancellationToken)
    {
        try
        {
            await call.WaitAsync(options.Value.RegistryTimeout, timeProvider, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogDeregisterFailed(logger, exception, instance.ServiceName, instance.Id);
            return false;
        }
    }

    private async Task DrainAsync(TimeSpan drainPeriod, CancellationToken cancellationToken)
    {
        LogDraining(logger, drainPeriod);
        try
        {
            await Task.Delay(drainPeriod, timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host's shutdown timeout cut the drain short.
        }
    }

    private async Task RunAsync(ServiceInstance instance, CancellationToken stopping)
    {
        var settings = options.Value;
        var registered = false;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                if (!registered)
                {
                    await transport.RegisterAsync(instance, stopping).WaitAsync(settings.RegistryTimeout, timeProvider, stopping).ConfigureAwait(false);
                    registered = true;
                    LogRegistered(logger, instance.ServiceName, instance.Id, instance.Host, instance.Port);
                    _registered.TrySetResult(instance);
                }
                else if (!await transport.HeartbeatAsync(instance.ServiceName, instance.Id, stopping).WaitAsync(settings.RegistryTimeout, timeProvider, stopping).ConfigureAwait(false))
                {
                    LogForgotten(logger, instance.ServiceName, instance.Id);
                    registered = false;
                    continue;
                }

                await Task.Delay(settings.HeartbeatInterval, timeProvider, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (RegistryValidationException exception)
            {
                // The registry refuses this instance; asking again will not change its mind.
                LogRefused(logger, exception, instance.ServiceName, instance.Id);
                _registered.TrySetException(exception);
                return;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                LogRegistryUnreachable(logger, exception, instance.ServiceName, instance.Id, settings.RetryInterval);
                try
                {
                    await Task.Delay(settings.RetryInterval, timeProvider, stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }

    private ServiceInstance BuildInstance()
    {
        var settings = options.Value;
        var (scheme, host, port) = ResolveAddress(settings);
        var metadata = new Dictionary<string, string>(settings.Metadata, StringComparer.Ordinal);
        if (scheme == Uri.UriSchemeHttps)
        {
            metadata[InstanceAddress.SchemeKey] = scheme;
        }

        var urlHost = IPAddress.TryParse(host, out var literal) && literal.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{host}]" : host;
        var healthCheckUrl = settings.HealthCheckPath is { } path
            ? string.Create(CultureInfo.InvariantCulture, $"{scheme}://{urlHost}:{port}{path}")
            : null;
        var instance = new ServiceInstance(
            settings.InstanceId ?? DefaultInstanceId(host, port),
            settings.ServiceName,
            host,
            port,
            ServiceStatus.Healthy,
            metadata,
            healthCheckUrl,
            default,
            default)
        {
            Check = settings.Ttl is { } ttl ? new InstanceCheck(Ttl: ttl) : null,
        };
        RegistryValidator.ValidateInstance(instance);
        return instance;
    }

    private (string Scheme, string Host, int Port) ResolveAddress(SelfRegistrationOptions settings)
    {
        BindingAddress? bound = null;
        if (settings.Host is null || settings.Port is null)
        {
            var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var candidates = addresses.Select(BindingAddress.Parse).ToArray();
            bound = candidates.FirstOrDefault(address => settings.Scheme is null || address.Scheme == settings.Scheme)
                ?? throw new InvalidOperationException(
                    $"Self-registration of '{settings.ServiceName}' needs {SelfRegistrationOptions.SectionName}:Host and :Port, or an ASP.NET Core server bound to an address (bound: {string.Join(", ", addresses)}).");
        }

        var scheme = settings.Scheme ?? bound?.Scheme ?? Uri.UriSchemeHttp;
        var host = settings.Host ?? AdvertisedHost(bound!.Host);
        var port = settings.Port ?? bound!.Port;
        return (scheme, host, port);
    }

    /// <summary>A bound host others can reach: the machine's name when bound to every address.</summary>
    private static string AdvertisedHost(string boundHost)
    {
        var host = boundHost.Trim('[', ']');
        if (host is "+" or "*" || (IPAddress.TryParse(host, out var address) && (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))))
        {
            return Dns.GetHostName();
        }

        return host;
    }

    private static string DefaultInstanceId(string host, int port)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"{host}-{port}")
            .Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '-')
            .ToArray();
        var text = new string(id);
        if (!char.IsAsciiLetterOrDigit(text[0]))
        {
            text = "i" + text;
        }

        return text.Length > 128 ? text[^128..] : text;
    }

    [LoggerMessage(EventId = 7501, Level = LogLevel.Information, Message = "Registered {ServiceName}/{InstanceId} at {Host}:{Port}")]
    private static partial void LogRegistered(ILogger logger, string serviceName, string instanceId, string host, int port);

    [LoggerMessage(EventId = 7502, Level = LogLevel.Warning, Message = "The registry forgot {ServiceName}/{InstanceId}; registering again")]
    private static partial void LogForgotten(ILogger logger, string serviceName, string instanceId);

    [LoggerMessage(EventId = 7503, Level = LogLevel.Warning, Message = "The registry could not be reached for {ServiceName}/{InstanceId}; trying again in {RetryInterval}")]
    private static partial void LogRegistryUnreachable(ILogger logger, Exception exception, string serviceName, string instanceId, TimeSpan retryInterval);

    [LoggerMessage(EventId = 7504, Level = LogLevel.Error, Message = "The registry refused {ServiceName}/{InstanceId}; self-registration stopped")]
    private static partial void LogRefused(ILogger logger, Exception exception, string serviceName, string instanceId);

    [LoggerMessage(EventId = 7505, Level = LogLevel.Information, Message = "Deregistered {ServiceName}/{InstanceId}")]
    private static partial void LogDeregistered(ILogger logger, string serviceName, string instanceId);

    [LoggerMessage(EventId = 7507, Level = LogLevel.Information, Message = "Draining for {DrainPeriod} before shutdown")]
    private static partial void LogDraining(ILogger logger, TimeSpan drainPeriod);

    [LoggerMessage(EventId = 7506, Level = LogLevel.Warning, Message = "Could not take {ServiceName}/{InstanceId} out of rotation at shutdown; the registry's health checks will remove it")]
    private static partial void LogDeregisterFailed(ILogger logger, Exception exception, string serviceName, string instanceId);
}
