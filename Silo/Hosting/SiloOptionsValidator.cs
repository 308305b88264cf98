using System.Net;
using Microsoft.Extensions.Options;

namespace OrleansRegistry.Silo.Hosting;

public sealed class SiloOptionsValidator : IValidateOptions<SiloOptions>
{
    public ValidateOptionsResult Validate(string? name, SiloOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string section = SiloOptions.SectionName;
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ClusterId))
        {
            failures.Add($"Configuration key '{section}:ClusterId' must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(options.ServiceId))
        {
            failures.Add($"Configuration key '{section}:ServiceId' must not be empty.");
        }

        if (!Enum.IsDefined(options.Clustering))
        {
            failures.Add($"Configuration key '{section}:Clustering' is {options.Clustering}; expected one of: {string.Join(", ", Enum.GetNames<ClusteringKind>())}.");
        }

        foreach (var (key, port) in new[] { ("SiloPort", options.SiloPort), ("GatewayPort", options.GatewayPort) })
        {
            if (port is < 1 or > IPEndPoint.MaxPort)
            {
                failures.Add($"Configuration key '{section}:{key}' is {port}; expected a port from 1 to {IPEndPoint.MaxPort}.");
            }
        }

        if (options.SiloPort == options.GatewayPort)
        {
            failures.Add($"Configuration keys '{section}:SiloPort' and '{section}:GatewayPort' must differ.");
        }

        if (options.AdvertisedIP is { } advertised && !IPAddress.TryParse(advertised, out _))
        {
            failures.Add($"Configuration key '{section}:AdvertisedIP' is '{advertised}'; expected an IPv4 or IPv6 address.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
