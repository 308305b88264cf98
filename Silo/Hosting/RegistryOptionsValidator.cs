using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Npgsql;

namespace OrleansRegistry.Silo.Hosting;

public sealed class RegistryOptionsValidator : IValidateOptions<RegistryOptions>
{
    private const string AzureConnectionStringKey = RegistryOptions.SectionName + ":AzureStorage:ConnectionString";
    private const string RedisConnectionStringKey = RegistryOptions.SectionName + ":Redis:ConnectionString";

    /// <summary>The key that names PostgreSQL, for the messages of every check that needs it.</summary>
    public const string AdoNetConnectionStringKey = RegistryOptions.SectionName + ":AdoNet:ConnectionString";

    public ValidateOptionsResult Validate(string? name, RegistryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!Enum.IsDefined(options.Storage))
        {
            failures.Add($"Configuration key '{RegistryOptions.SectionName}:Storage' is {options.Storage}; expected one of: {string.Join(", ", Enum.GetNames<StorageKind>())}.");
        }

        if (AzureConnectionStringProblem(options.AzureStorage?.ConnectionString) is { } azure)
        {
            failures.Add($"Configuration key '{AzureConnectionStringKey}' is not a valid Azure Storage connection string: {azure}");
        }

        if (RedisConnectionStringProblem(options.Redis?.ConnectionString) is { } redis)
        {
            failures.Add($"Configuration key '{RedisConnectionStringKey}' is not a valid Redis configuration: {redis}");
        }

        var adoNet = options.AdoNet?.ConnectionString;
        if (adoNet is not null && AdoNetConnectionStringProblem(adoNet) is { } postgres)
        {
            failures.Add($"Configuration key '{AdoNetConnectionStringKey}' is not a valid PostgreSQL connection string: {postgres}");
        }
        else if (adoNet is null && options.Storage == StorageKind.AdoNet)
        {
            failures.Add($"Configuration key '{AdoNetConnectionStringKey}' must be set when '{RegistryOptions.SectionName}:Storage' is {StorageKind.AdoNet}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>
    /// Checked whether or not Azure Storage is in use: a value an operator set that cannot work is a
    /// mistake worth stopping for, and the default (Azurite's account) always parses.
    /// </summary>
    private static string? AzureConnectionStringProblem(string? connectionString) =>
        Parses(connectionString, value => _ = new TableServiceClient(value));

    /// <summary>Checked whether or not Redis is in use, for the same reason; the default parses.</summary>
    private static string? RedisConnectionStringProblem(string? connectionString) =>
        Parses(connectionString, value =>
        {
            var configuration = StackExchange.Redis.ConfigurationOptions.Parse(value);
            if (configuration.EndPoints.Count == 0)
            {
                throw new FormatException("it names no server.");
            }
        });

    private static string? AdoNetConnectionStringProblem(string connectionString) =>
        Parses(connectionString, value => _ = new NpgsqlConnectionStringBuilder(value));

    /// <summary>The client library's own parser is the real rule; it throws on a malformed string and makes no connection.</summary>
    private static string? Parses(string? connectionString, Action<string> parse)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return "it is empty.";
        }

        try
        {
            parse(connectionString);
            return null;
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or InvalidOperationException or KeyNotFoundException)
        {
            return exception.Message;
        }
    }
}
