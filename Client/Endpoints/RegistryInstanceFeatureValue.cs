using OrleansRegistry.Model;

namespace OrleansRegistry.Client.Endpoints;

internal sealed record RegistryInstanceFeatureValue(ServiceInstance Instance) : IRegistryInstanceFeature;
