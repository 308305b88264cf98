using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace OrleansRegistry.Silo.Hosting;

public sealed class RegistryOptionsValidator : IValidateOptions<RegistryOptions>
{
    private const string ConnectionStringKey = RegistryOptions.SectionName + ":AzureStorage:ConnectionString";

    public ValidateOptionsResult Validate(string? name, RegistryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!Enum.IsDefined(options.Storage))
        {
            failures.Add($"Configuration key '{RegistryOptions.SectionName}:Storage' is {options.Storage}; expected one of: {string.Join(", ", Enum.GetNames<StorageKind>())}.");
        }

        if (ConnectionStringProblem(options.AzureStorage?.ConnectionString) is { } problem)
        {
            failures.Add($"Configuration key '{ConnectionStringKey}' is not a valid Azure Storage connection string: {problem}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>
    /// Checked whether or not Azure Storage is in use: a value an operator set that cannot work is a
    /// mistake worth stopping for, and the default (Azurite's account) always parses.
    /// </summary>
    private static string? ConnectionStringProblem(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return "it is empty.";
        }

        try
        {
            // The SDK's own parser is the real rule; it throws on a malformed string and makes no connection.
            _ = new TableServiceClient(connectionString);
            return null;
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or InvalidOperationException)
        {
            return exception.Message;
        }
    }
}
