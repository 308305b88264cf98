using OrleansRegistry.Diagnostics;
using OrleansRegistry.Model;
using OrleansRegistry.Validation;

namespace OrleansRegistry.Registry;

/// <summary>
/// Maintenance: an operator takes one instance out of rotation without deregistering it. The flag
/// lives on the stored instance, so it survives restarts and re-registration, and every silo's copy
/// leaves the instance out of picks, healthy listings and DNS answers (see
/// <see cref="ServiceInstance.IsSelectable"/>). Probing goes on, and the status it sets is kept.
/// </summary>
public sealed partial class ServiceGrain
{
    public async Task<bool> EnterMaintenanceAsync(string instanceId, string reason)
    {
        using var activity = RegistryTracing.Source.StartActivity("maintenance");
        activity?.SetTag("registry.service", ServiceName);
        RegistryValidator.ValidateInstanceId(instanceId);
        RegistryValidator.ValidateMaintenanceReason(reason);
        if (!State.Instances.TryGetValue(instanceId, out var instance))
        {
            return false;
        }

        if (instance.Maintenance?.Reason == reason)
        {
            return true;
        }

        var since = instance.Maintenance?.Since ?? timeProvider.GetUtcNow();
        State.Instances[instanceId] = instance with { Maintenance = new InstanceMaintenance(reason, since) };
        await CommitAsync();
        LogMaintenanceEntered(logger, ServiceName, instanceId, reason);
        return true;
    }

    public async Task<bool> LeaveMaintenanceAsync(string instanceId)
    {
        using var activity = RegistryTracing.Source.StartActivity("maintenance");
        activity?.SetTag("registry.service", ServiceName);
        RegistryValidator.ValidateInstanceId(instanceId);
        if (!State.Instances.TryGetValue(instanceId, out var instance))
        {
            return false;
        }

        if (instance.Maintenance is null)
        {
            return true;
        }

        State.Instances[instanceId] = instance with { Maintenance = null };
        await CommitAsync();
        LogMaintenanceLeft(logger, ServiceName, instanceId);
        return true;
    }
}
