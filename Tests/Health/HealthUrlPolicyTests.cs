using OrleansRegistry.Health;
using OrleansRegistry.Tests.Support;
using OrleansRegistry.Validation;

namespace OrleansRegistry.Tests.Health;

public sealed class HealthUrlPolicyTests
{
    [Theory]
    [InlineData("10.0.0.7", "http://10.0.0.7:9000/health")]
    [InlineData("api.internal", "https://API.internal./health")]
    [InlineData("::1", "http://[::1]:9000/health")]
    [InlineData("10.0.0.7", "http://0x0a000007:9000/health")]
    [InlineData("10.0.0.7", "http://012.0.0.07./health")]
    [InlineData("10.0.0.7", "http://167772167/health")]
    [InlineData("10.0.0.7", "http://[::ffff:10.0.0.7]/health")]
    [InlineData("::ffff:10.0.0.7", "http://10.0.0.7/health")]
    [InlineData("0x0a000007", "http://10.0.0.7./health")]
    [InlineData("api.internal.", "http://API.Internal/health")]
    [InlineData("bücher.example", "http://xn--bcher-kva.example/health")]
    public void Validate_UrlOnInstanceHost_IsAccepted(string host, string url)
    {
        HealthUrlPolicy.Validate(Instances.Create("svc", "i1", host: host, healthCheckUrl: url), []);
    }

    [Theory]
    [InlineData("http://10.0.0.8:9000/health")]
    [InlineData("http://localhost:9000/health")]
    [InlineData("http://evil.example/health")]
    [InlineData("http://0x0a000008/health")]
    [InlineData("http://10.0.0.7.evil.example/health")]
    public void Validate_UrlOnAnotherHost_IsRefused(string url)
    {
        var error = Assert.Throws<RegistryValidationException>(() =>
            HealthUrlPolicy.Validate(Instances.Create("svc", "i1", host: "10.0.0.7", healthCheckUrl: url), []));

        Assert.Equal("health_check_url", error.Field);
    }

    [Theory]
    [InlineData("monitor.internal", "http://monitor.internal/health")]
    [InlineData("*.probes.internal", "http://a.probes.internal/health")]
    [InlineData("10.0.0.9", "http://10.0.0.9/health")]
    [InlineData("*", "http://anything.example/health")]
    [InlineData("MONITOR.internal.", "http://monitor.internal/health")]
    [InlineData("*.probes.internal", "http://A.Probes.Internal./health")]
    [InlineData("10.0.0.9", "http://0x0a000009/health")]
    [InlineData("[::1]", "http://[0:0:0:0:0:0:0:1]/health")]
    public void Validate_UrlOnAllowedHost_IsAccepted(string allowed, string url)
    {
        HealthUrlPolicy.Validate(Instances.Create("svc", "i1", host: "10.0.0.7", healthCheckUrl: url), [allowed]);
    }

    [Fact]
    public void Validate_WildcardDoesNotMatchTheBareDomain()
    {
        var error = Assert.Throws<RegistryValidationException>(() =>
            HealthUrlPolicy.Validate(Instances.Create("svc", "i1", host: "10.0.0.7", healthCheckUrl: "http://probes.internal/health"), ["*.probes.internal"]));

        Assert.Equal("health_check_url", error.Field);
    }

    [Fact]
    public void Validate_WildcardNeverMatchesAnAddress()
    {
        var error = Assert.Throws<RegistryValidationException>(() =>
            HealthUrlPolicy.Validate(Instances.Create("svc", "i1", host: "10.0.0.7", healthCheckUrl: "http://10.0.1.1/health"), ["*.1.1"]));

        Assert.Equal("health_check_url", error.Field);
    }

    /// <summary>Every spelling of a forbidden address is refused, even on the instance's own host and with any host allowed.</summary>
    [Theory]
    [InlineData("169.254.169.254", "http://169.254.169.254/latest/meta-data")]
    [InlineData("169.254.169.254", "http://169.254.169.254./latest/meta-data")]
    [InlineData("169.254.169.254", "http://0xa9fea9fe./latest/meta-data")]
    [InlineData("169.254.169.254", "http://0251.0376.0251.0376/latest/meta-data")]
    [InlineData("169.254.169.254", "http://2852039166/latest/meta-data")]
    [InlineData("169.254.169.254", "http://169.254.43518/latest/meta-data")]
    [InlineData("169.254.169.254", "http://[::ffff:169.254.169.254]/latest/meta-data")]
    [InlineData("fe80::1", "http://[fe80::1]/")]
    [InlineData("fd00:ec2::254", "http://[fd00:ec2::254]/latest")]
    [InlineData("168.63.129.16", "http://168.63.129.16./")]
    [InlineData("100.100.100.200", "http://0x646464c8/latest")]
    public void Validate_ForbiddenAddressInAnySpelling_IsRefusedEvenWhenAnyHostIsAllowed(string host, string url)
    {
        var error = Assert.Throws<RegistryValidationException>(() =>
            HealthUrlPolicy.Validate(Instances.Create("svc", "i1", host: host, healthCheckUrl: url), ["*"]));

        Assert.Equal("health_check_url", error.Field);
    }

    [Theory]
    [InlineData("*", true)]
    [InlineData("monitor.internal", true)]
    [InlineData("*.probes.internal", true)]
    [InlineData("10.0.0.9", true)]
    [InlineData("[::1]", true)]
    [InlineData("", false)]
    [InlineData(" ", false)]
    [InlineData("bad host", false)]
    [InlineData("monitor.internal\n", false)]
    [InlineData("*.", false)]
    [InlineData("**.internal", false)]
    public void IsValidAllowedHost_Entry_IsJudged(string entry, bool expected)
    {
        Assert.Equal(expected, HealthUrlPolicy.IsValidAllowedHost(entry));
    }
}
