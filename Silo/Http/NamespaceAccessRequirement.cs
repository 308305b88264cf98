using Microsoft.AspNetCore.Authorization;

namespace OrleansRegistry.Silo.Http;

/// <summary>The caller's key must grant <see cref="Needed"/> in the namespace the route addresses.</summary>
public sealed record NamespaceAccessRequirement(RegistryAccess Needed) : IAuthorizationRequirement;
