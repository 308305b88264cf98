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
    public void Validate_UrlOnInstanceHost_IsAccepted(string host, string url)
    {
        HealthUrlPolicy.Validate(Instances.Create("svc", "i1", host: host, healthCheckUrl: url), []);
    }

    [Theory]
    [InlineData("http://10.0.0.8:9000/health")]
    [InlineData("http://localhost:9000/health")]
    [InlineData("http://evil.example/health")]
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
    public void Validate_MetadataAddress_IsRefusedEvenWhenAnyHostIsAllowed()
    {
        var error = Assert.Throws<RegistryValidationException>(() =>
            HealthUrlPolicy.Validate(Instances.Create("svc", "i1", healthCheckUrl: "http://169.254.169.254/latest/meta-data"), ["*"]));

        Assert.Equal("health_check_url", error.Field);
    }
}
