using OrleansRegistry.Model;

namespace OrleansRegistry.Client.Endpoints;

/// <summary>Attached to every endpoint the registry resolved: the instance behind it.</summary>
public interface IRegistryInstanceFeature
{
    ServiceInstance Instance { get; }
}
