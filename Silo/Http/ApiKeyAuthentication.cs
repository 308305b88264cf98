using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OrleansRegistry.Options;

namespace OrleansRegistry.Silo.Http;

/// <summary>
/// API keys through ASP.NET Core authentication and authorization: the <c>X-Api-Key</c> scheme says
/// which key called and what it grants; the <see cref="ReadPolicy"/>, <see cref="WritePolicy"/> and
/// <see cref="AdminPolicy"/> policies check that grant against the namespace of the route.
/// </summary>
public static partial class ApiKeyAuthentication
{
    public const string Scheme = "ApiKey";

    /// <summary>The policy of reads, which endpoints carry only while <c>Registry:Auth:ProtectReads</c> is true.</summary>
    public const string ReadPolicy = "read";

    /// <summary>The policy every write endpoint requires.</summary>
    public const string WritePolicy = "write";

    /// <summary>For namespace-wide operations; no route needs it yet (an admin key may do what a write key may).</summary>
    public const string AdminPolicy = "admin";

    /// <summary>The claim that says what a caller may do: one per access level its key includes.</summary>
    public const string ScopeClaim = "scope";

    /// <summary>The claim naming a namespace the key grants access to (<c>*</c> for all).</summary>
    public const string NamespaceClaim = "namespace";

    public const string WriteScope = "write";

    /// <summary>The operator key that lists the keys that write on every namespace (kept from before scoped keys).</summary>
    public const string ConfigurationKey = "Registry:ApiKeys";

    /// <summary>The section of scoped keys and <c>ProtectReads</c>.</summary>
    public const string AuthSection = "Registry:Auth";

    public const string ProtectReadsKey = AuthSection + ":ProtectReads";

    public const string KeysSection = AuthSection + ":Keys";

    private const string SuppressAutoDefaultSchemeSwitch = "Microsoft.AspNetCore.Authentication.SuppressAutoDefaultScheme";

    public static string ScopeOf(RegistryAccess access) => access switch
    {
        RegistryAccess.Read => "read",
        RegistryAccess.Write => WriteScope,
        RegistryAccess.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(access), access, "unknown access"),
    };

    public static IServiceCollection AddRegistryApiKeys(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        // No default scheme: only endpoints whose policy names the scheme authenticate, so a read
        // costs no key lookup and no principal unless reads are protected. ASP.NET Core makes a
        // lone scheme the default unless this switch is set.
        AppContext.SetSwitch(SuppressAutoDefaultSchemeSwitch, isEnabled: true);
        services.AddAuthentication().AddScheme<ApiKeyAuthenticationOptions, ApiKeyAuthenticationHandler>(Scheme, configureOptions: null);
        services.AddOptions<ApiKeyAuthenticationOptions>(Scheme)
            .Configure<IConfiguration>(Bind)
            .BindCommaSeparated(ConfigurationKey, (options, keys) => options.ApiKeys = keys)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ApiKeyAuthenticationOptions>, ApiKeyAuthenticationOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuthorizationHandler, NamespaceAccessHandler>());
        services.AddAuthorizationBuilder()
            .AddPolicy(ReadPolicy, policy => policy.AddAuthenticationSchemes(Scheme).AddRequirements(new NamespaceAccessRequirement(RegistryAccess.Read)))
            .AddPolicy(WritePolicy, policy => policy.AddAuthenticationSchemes(Scheme).AddRequirements(new NamespaceAccessRequirement(RegistryAccess.Write)))
            .AddPolicy(AdminPolicy, policy => policy.AddAuthenticationSchemes(Scheme).AddRequirements(new NamespaceAccessRequirement(RegistryAccess.Admin)));
        return services;
    }

    /// <summary>Authenticates and authorizes requests; warns once when no key is configured and writes are open.</summary>
    public static WebApplication UseRegistryApiKeys(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseAuthorization();
        var options = app.Services.GetRequiredService<IOptionsMonitor<ApiKeyAuthenticationOptions>>().Get(Scheme);
        if (!options.IsEnabled)
        {
            LogWritesOpen(app.Logger);
        }

        return app;
    }

    /// <summary>
    /// When <c>Registry:Auth:ProtectReads</c> is true, every endpoint of <paramref name="builder"/>
    /// that names no policy of its own and does not allow anonymous callers gets the
    /// <see cref="ReadPolicy"/>. Decided once, when endpoints are built: with reads open they carry
    /// no authorization metadata at all, so a read does no authentication work.
    /// </summary>
    public static TBuilder RequireReadAccessWhenProtected<TBuilder>(this TBuilder builder, IServiceProvider services)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(services);
        if (services.GetRequiredService<IOptionsMonitor<ApiKeyAuthenticationOptions>>().Get(Scheme).ProtectReads)
        {
            builder.Finally(endpoint =>
            {
                if (!endpoint.Metadata.Any(item => item is IAuthorizeData or IAllowAnonymous))
                {
                    endpoint.Metadata.Add(new AuthorizeAttribute(ReadPolicy));
                }
            });
        }

        return builder;
    }

    private static void Bind(ApiKeyAuthenticationOptions options, IConfiguration configuration)
    {
        options.ApiKeys = configuration.GetSection(ConfigurationKey).Get<string[]>() ?? [];
        options.ProtectReads = configuration.GetValue<bool>(ProtectReadsKey);
        options.Keys = configuration.GetSection(KeysSection).GetChildren().Select(ReadKey).ToArray();
    }

    /// <summary>One key entry; <c>Namespaces</c> may be entries (<c>Namespaces:0</c>) or one comma-separated value.</summary>
    private static ScopedApiKeyOptions ReadKey(IConfigurationSection entry)
    {
        var namespaces = entry.GetSection(nameof(ScopedApiKeyOptions.Namespaces));
        var listed = namespaces.GetChildren().Select(child => child.Value ?? string.Empty).ToArray();
        IReadOnlyList<string> granted = listed.Length > 0 ? listed
            : namespaces.Value is { } text ? text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [ApiKeyGrant.AllNamespaces];
        return new ScopedApiKeyOptions
        {
            Path = entry.Path,
            Key = entry[nameof(ScopedApiKeyOptions.Key)],
            KeySha256 = entry[nameof(ScopedApiKeyOptions.KeySha256)],
            Access = entry[nameof(ScopedApiKeyOptions.Access)],
            Namespaces = granted,
        };
    }
}
