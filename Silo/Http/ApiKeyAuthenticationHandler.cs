using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace OrleansRegistry.Silo.Http;

/// <summary>
/// Authenticates a caller by the one <c>X-Api-Key</c> header it sends. Keys are compared as SHA-256
/// digests with <see cref="CryptographicOperations.FixedTimeEquals"/> against every configured key,
/// so the time taken says nothing about how much of a key matched, its length, or which key it was.
/// With no keys configured every caller gets the write scope: writes are open.
/// </summary>
internal sealed partial class ApiKeyAuthenticationHandler(
    IOptionsMonitor<ApiKeyAuthenticationOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder)
    : AuthenticationHandler<ApiKeyAuthenticationOptions>(options, loggerFactory, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Options.IsEnabled)
        {
            return Task.FromResult(Grant("open"));
        }

        var presented = Request.Headers[RegistryHeaders.ApiKey];
        var result = presented.Count switch
        {
            0 => AuthenticateResult.NoResult(),
            > 1 => AuthenticateResult.Fail($"More than one {RegistryHeaders.ApiKey} header."),
            _ when Accepts(presented[0]) => Grant("api-key"),
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

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.Forbidden().ExecuteAsync(Context);

    private AuthenticateResult Grant(string name)
    {
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, name), new Claim(ApiKeyAuthentication.ScopeClaim, ApiKeyAuthentication.WriteScope)],
            Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    private bool Accepts(string? presented)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return false;
        }

        var digest = Digest(presented);
        var matched = false;
        foreach (var key in Options.ApiKeys)
        {
            matched |= CryptographicOperations.FixedTimeEquals(digest, Digest(key));
        }

        return matched;
    }

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
