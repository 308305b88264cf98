using OrleansRegistry.Model;

namespace OrleansRegistry.Client.Transport;

/// <summary>An instance the registry's balancer picked.</summary>
/// <param name="Instance">The pick.</param>
/// <param name="ZoneFallback">True when a zone was asked for but none of its instances was eligible.</param>
/// <param name="Release">Returns the least-connections lease the pick opened; null when it opened none.</param>
public sealed record BalancerSelection(ServiceInstance Instance, bool ZoneFallback, Func<Task>? Release);
