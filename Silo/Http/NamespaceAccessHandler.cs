using Microsoft.AspNetCore.Authorization;

namespace OrleansRegistry.Silo.Http;

/// <summary>
/// Checks a <see cref="NamespaceAccessRequirement"/> against the key's claims. The namespace is the
/// route value <c>ns</c> (routes under <c>/namespaces/{ns}/</c>); routes without one address
/// <c>default</c>. A failed check with a known key is a 403; without one the scheme challenges (401).
/// </summary>
internal sealed class NamespaceAccessHandler : AuthorizationHandler<NamespaceAccessRequirement>
{
    public const string RouteValue = "ns";

    public const string DefaultNamespace = "default";

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, NamespaceAccessRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        var user = context.User;
        var scope = ApiKeyAuthentication.ScopeOf(requirement.Needed);
        if (user.HasClaim(ApiKeyAuthentication.ScopeClaim, scope))
        {
            var ns = NamespaceOf(context.Resource);
            if (user.HasClaim(claim => claim.Type == ApiKeyAuthentication.NamespaceClaim
                && (claim.Value == ApiKeyGrant.AllNamespaces || string.Equals(claim.Value, ns, StringComparison.Ordinal))))
            {
                context.Succeed(requirement);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The route's <c>ns</c> value, else <c>default</c>.</summary>
    public static string NamespaceOf(object? resource) =>
        resource is HttpContext http && http.GetRouteValue(RouteValue) is string { Length: > 0 } ns ? ns : DefaultNamespace;
}
