using Microsoft.Extensions.Options;

namespace OrleansRegistry.Client.Options;

/// <summary>The HTTP transport needs somewhere to go: at least one registry URL.</summary>
internal sealed class HttpTransportOptionsValidator : IValidateOptions<RegistryClientOptions>
{
    public ValidateOptionsResult Validate(string? name, RegistryClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.RegistryUrls().Count > 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{RegistryClientOptions.SectionName}:Url is required: the registry's HTTP address, such as http://registry:8080 "
                + "(or use AddOrleansRegistryClient from OrleansRegistry.Client.Orleans to reach it as an Orleans client).");
    }
}
