using Microsoft.Extensions.Options;

namespace OrleansRegistry.Silo.Http;

public sealed class ApiKeyAuthenticationOptionsValidator : IValidateOptions<ApiKeyAuthenticationOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiKeyAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        // A blank entry would be a key anyone can guess; the message never repeats a key.
        var blank = options.ApiKeys.Count(string.IsNullOrWhiteSpace);
        return blank == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Configuration key '{ApiKeyAuthentication.ConfigurationKey}' has {blank} empty entr{(blank == 1 ? "y" : "ies")}.");
    }
}
