using OrleansRegistry.Contracts;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace OrleansRegistry.Silo.Http;

/// <summary>
/// Authenticates a caller by the one <c>X-Api-Key</c> header it sends. The key's SHA-256 digest is
/// compared with <see cref="CryptographicOperations.FixedTimeEquals"/> against every configured
/// digest, all of them every time, so the time taken says nothing about how much of a key matched,
/// its length, or which key it was. The principal carries the key's access (every level it
/// includes) and namespaces as claims, which <see cref="NamespaceAccessHandler"/> checks against
/// the route. With no keys configured every caller gets admin on every namespace: writes are open.
/// </summary>
internal sealed partial class ApiKeyAuthenticationHandler(
    IOptionsMonitor<ApiKeyAuthenticationOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder)
    : AuthenticationHandler<ApiKeyAuthenticationOptions>(options, loggerFactory, encoder)
{
    private static readonly ApiKeyGrant Open = new([], RegistryAccess.Admin, [ApiKeyGrant.AllNamespaces]);

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Options.IsEnabled)
        {
            return Task.FromResult(Grant("open", Open));
        }

        var presented = Request.Headers[RegistryHeaders.ApiKey];
        var result = presented.Count switch
        {
            0 => AuthenticateResult.NoResult(),
            > 1 => AuthenticateResult.Fail($"More than one {RegistryHeaders.ApiKey} header."),
            _ when Match(presented[0]) is { } grant => Grant("api-key", grant),
            _ => AuthenticateResult.Fail("Unknown API key."),
        };
        return Task.FromResult(result);
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        LogRefused(Logger, Request.Method, Request.Path, Context.Connection.RemoteIpAddress);
        Response.Headers.WWWAuthenticate = $"{Scheme.Name} header=\"{RegistryHeaders.ApiKey}\"";
        return Problems.Unauthorized().ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        LogForbidden(Logger, Request.Method, Request.Path, Context.Connection.RemoteIpAddress);
        return Problems.Forbidden().ExecuteAsync(Context);
    }

    private AuthenticateResult Grant(string name, ApiKeyGrant grant)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, name) };
        for (var level = RegistryAccess.Read; level <= grant.Access; level++)
        {
            claims.Add(new Claim(ApiKeyAuthentication.ScopeClaim, ApiKeyAuthentication.ScopeOf(level)));
        }

        claims.AddRange(grant.Namespaces.Select(ns => new Claim(ApiKeyAuthentication.NamespaceClaim, ns)));
        var identity = new ClaimsIdentity(claims, Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    /// <summary>The grant of the presented key, or null; looks at every configured key whatever matched.</summary>
    private ApiKeyGrant? Match(string? presented)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return null;
        }

        var digest = ApiKeyGrant.DigestOf(presented);
        ApiKeyGrant? matched = null;
        foreach (var grant in Options.Grants)
        {
            // No short cut: every digest is compared, and the validator refuses repeated keys.
            if (CryptographicOperations.FixedTimeEquals(digest, grant.Digest))
            {
                matched = grant;
            }
        }

        return matched;
    }
}
