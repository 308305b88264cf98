using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;

namespace OrleansRegistry.Silo.Hosting;

/// <summary>
/// Reads the operator keys strictly: a value that does not parse stops start-up with a message
/// naming the key, instead of the binder's silent fallback to the default.
/// </summary>
internal static class ConfigurationReader
{
    public static string ReadString(IConfiguration configuration, string key, string fallback)
    {
        var value = configuration[key];
        if (value is null)
        {
            return fallback;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            throw new RegistryConfigurationException($"Configuration key '{key}' must not be empty.");
        }

        return value.Trim();
    }

    public static TEnum ReadEnum<TEnum>(IConfiguration configuration, string key, TEnum fallback)
        where TEnum : struct, Enum
    {
        var value = configuration[key];
        if (value is null)
        {
            return fallback;
        }

        if (!Enum.TryParse<TEnum>(value.Trim(), ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(value, out _))
        {
            throw new RegistryConfigurationException(
                $"Configuration key '{key}' has value '{value}'; expected one of: {string.Join(", ", Enum.GetNames<TEnum>())}.");
        }

        return parsed;
    }

    public static int ReadInt(IConfiguration configuration, string key, int fallback, int min, int max)
    {
        var value = configuration[key];
        if (value is null)
        {
            return fallback;
        }

        if (!int.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) || parsed < min || parsed > max)
        {
            throw new RegistryConfigurationException($"Configuration key '{key}' has value '{value}'; expected an integer from {min} to {max}.");
        }

        return parsed;
    }

    public static TimeSpan ReadDuration(IConfiguration configuration, string key, TimeSpan fallback, TimeSpan min, TimeSpan max)
    {
        var value = configuration[key];
        if (value is null)
        {
            return fallback;
        }

        if (!TimeSpan.TryParse(value.Trim(), CultureInfo.InvariantCulture, out var parsed) || parsed < min || parsed > max)
        {
            throw new RegistryConfigurationException(
                $"Configuration key '{key}' has value '{value}'; expected a time span (hh:mm:ss) from {min} to {max}.");
        }

        return parsed;
    }

    public static IPAddress? ReadAddress(IConfiguration configuration, string key)
    {
        var value = configuration[key];
        if (value is null)
        {
            return null;
        }

        if (!IPAddress.TryParse(value.Trim(), out var address))
        {
            throw new RegistryConfigurationException($"Configuration key '{key}' has value '{value}'; expected an IPv4 or IPv6 address.");
        }

        return address;
    }

    /// <summary>A list given either as children (<c>Key:0</c>, <c>Key:1</c>) or as one comma-separated value.</summary>
    public static IReadOnlyList<string> ReadList(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        IEnumerable<string?> raw = section.Value is { } single
            ? single.Split(',')
            : section.GetChildren().Select(child => child.Value);
        return raw.Select(item => item?.Trim()).Where(item => !string.IsNullOrEmpty(item)).Select(item => item!).ToArray();
    }
}
