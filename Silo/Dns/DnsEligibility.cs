using OrleansRegistry.Model;

namespace OrleansRegistry.Silo.Dns;

/// <summary>Which instances of a service DNS answers with.</summary>
public static class DnsEligibility
{
    /// <summary>
    /// The instances the silo's balancer may hand out (<see cref="ServiceInstance.IsSelectable"/>):
    /// healthy ones and, while the service is in panic, its failing ones too. DNS is the balancer
    /// of callers that are not our clients, so it follows the same rule: answering only the few
    /// healthy instances during panic would send every DNS caller to them, the overload panic mode
    /// exists to prevent. Instances in maintenance are never selectable, so they are left out too.
    /// </summary>
    public static bool IsEligible(ServiceInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return instance.IsSelectable;
    }
}
