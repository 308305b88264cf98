using Microsoft.Extensions.Options;

namespace OrleansRegistry.Silo.Hosting;

/// <summary>
/// Settings the host needs while it is built (which clustering and storage providers Orleans gets,
/// its ports and ids), so they cannot wait for <c>ValidateOnStart</c>: bound here with the same
/// binder and checked with the options' own validator, failing the same way.
/// </summary>
internal static class BuildTimeOptions
{
    public static TOptions Bind<TOptions, TValidator>(IConfiguration configuration, string sectionName)
        where TOptions : class, new()
        where TValidator : IValidateOptions<TOptions>, new()
    {
        var options = configuration.GetSection(sectionName).Get<TOptions>() ?? new TOptions();
        var result = new TValidator().Validate(Microsoft.Extensions.Options.Options.DefaultName, options);
        return result.Failed
            ? throw new OptionsValidationException(Microsoft.Extensions.Options.Options.DefaultName, typeof(TOptions), result.Failures)
            : options;
    }
}
