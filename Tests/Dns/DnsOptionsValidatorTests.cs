using OrleansRegistry.Silo.Dns;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Dns;

public sealed class DnsOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        var result = new DnsOptionsValidator().Validate(null, new DnsOptions());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("Port", "70000")]
    [InlineData("Port", "-1")]
    [InlineData("Address", "localhost")]
    [InlineData("Domain", ".")]
    [InlineData("Domain", "")]
    [InlineData("Ttl", "-00:00:01")]
    [InlineData("Ttl", "02:00:00")]
    public void Validate_BadValue_FailsNamingTheKey(string key, string value)
    {
        var options = new DnsOptions();
        switch (key)
        {
            case "Port":
                options.Port = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
                break;
            case "Address":
                options.Address = value;
                break;
            case "Domain":
                options.Domain = value;
                break;
            default:
                options.Ttl = TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
                break;
        }

        var result = new DnsOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains($"Registry:Dns:{key}", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_BadDnsSetting_SiloStopsNamingTheKey()
    {
        await using var silo = SiloProcess.Start(new SiloLaunch(RepositoryPaths.SiloDll, RepositoryPaths.Root, $"dns-{Guid.NewGuid():N}"[..20])
        {
            ExtraArguments = ["--Registry:Dns:Domain=."],
        });

        await Eventually.TrueAsync(() => silo.HasExited, TimeSpan.FromSeconds(60), "the silo to stop at start over Registry:Dns:Domain");

        Assert.NotEqual(0, silo.ExitCode);
        Assert.Contains("Registry:Dns:Domain", silo.Output, StringComparison.Ordinal);
    }
}
