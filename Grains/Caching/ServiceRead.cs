namespace OrleansRegistry.Caching;

/// <summary>What a read of a service is answered with; <see cref="Stale"/> when the service grain could not confirm it.</summary>
public readonly record struct ServiceRead(ServiceCopy Copy, bool Stale);
