using Microsoft.Extensions.Options;

namespace OrleansRegistry.Silo.Hosting;

/// <summary>Tells a start-up failure caused by a configuration value from any other failure.</summary>
internal static class ConfigurationFailure
{
    private const string BinderAssembly = "Microsoft.Extensions.Configuration.Binder";

    /// <summary>
    /// What was wrong, naming the key, when <paramref name="exception"/> is a validator's refusal or a
    /// value the binder could not convert (its message names the key too); otherwise null.
    /// </summary>
    public static string? MessageOf(Exception exception) => exception switch
    {
        OptionsValidationException validation => validation.Message,
        InvalidOperationException { Source: BinderAssembly } conversion => conversion.Message,
        AggregateException aggregate when aggregate.InnerExceptions.All(inner => MessageOf(inner) is not null) =>
            string.Join(" ", aggregate.InnerExceptions.Select(MessageOf)),
        _ => null,
    };
}
