using System.Net;
using ARSoft.Tools.Net;
using Microsoft.Extensions.Options;

namespace OrleansRegistry.Silo.Dns;

public sealed class DnsOptionsValidator : IValidateOptions<DnsOptions>
{
    /// <summary>Answers about instances that come and go should not be cached for longer.</summary>
    public static readonly TimeSpan MaximumTtl = TimeSpan.FromHours(1);

    public ValidateOptionsResult Validate(string? name, DnsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string section = DnsOptions.SectionName;
        var failures = new List<string>();
        if (options.Port is < 0 or > 65535)
        {
            failures.Add($"{section}:Port must be from 0 (DNS off) to 65535.");
        }

        if (!IPAddress.TryParse(options.Address, out _))
        {
            failures.Add($"{section}:Address ('{options.Address}') must be an IP address, such as 127.0.0.1 or 0.0.0.0.");
        }

        if (!DnsZone.TryParse(options.Domain, out _))
        {
            failures.Add($"{section}:Domain ('{options.Domain}') must be a DNS name below the root, such as 'registry.'.");
        }

        if (options.Ttl < TimeSpan.Zero || options.Ttl > MaximumTtl)
        {
            failures.Add($"{section}:Ttl must be from 00:00:00 to {MaximumTtl}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
