using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OrleansRegistry.Options;

namespace OrleansRegistry.Silo.Http;

/// <summary>
/// API keys through ASP.NET Core authentication and authorization: the <c>X-Api-Key</c> scheme
/// grants the <c>write</c> scope, and write endpoints require the <see cref="WritePolicy"/>.
/// </summary>
public static partial class ApiKeyAuthentication
{
    public const string Scheme = "ApiKey";

    /// <summary>The policy every write endpoint requires.</summary>
    public const string WritePolicy = "write";

    /// <summary>The claim that says what a caller may do; a key carries <see cref="WriteScope"/> today.</summary>
    public const string ScopeClaim = "scope";

    public const string WriteScope = "write";

    /// <summary>The operator key that lists the accepted keys.</summary>
    public const string ConfigurationKey = "Registry:ApiKeys";

    private const string SuppressAutoDefaultSchemeSwitch = "Microsoft.AspNetCore.Authentication.SuppressAutoDefaultScheme";

    public static IServiceCollection AddRegistryApiKeys(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        // No default scheme: only endpoints whose policy names the scheme (the writes) authenticate,
        // so a read costs no key lookup and no principal. ASP.NET Core makes a lone scheme the
        // default unless this switch is set.
        AppContext.SetSwitch(SuppressAutoDefaultSchemeSwitch, isEnabled: true);
        services.AddAuthentication().AddScheme<ApiKeyAuthenticationOptions, ApiKeyAuthenticationHandler>(Scheme, configureOptions: null);
        services.AddOptions<ApiKeyAuthenticationOptions>(Scheme)
            .Configure<IConfiguration>((options, configuration) => options.ApiKeys = configuration.GetSection(ConfigurationKey).Get<string[]>() ?? [])
            .BindCommaSeparated(ConfigurationKey, (options, keys) => options.ApiKeys = keys)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ApiKeyAuthenticationOptions>, ApiKeyAuthenticationOptionsValidator>());
        services.AddAuthorizationBuilder().AddPolicy(WritePolicy, policy => policy.AddAuthenticationSchemes(Scheme).RequireClaim(ScopeClaim, WriteScope));
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
}
