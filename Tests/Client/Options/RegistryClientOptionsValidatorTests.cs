using OrleansRegistry.Client.Options;
using OrleansRegistry.Client.SelfRegistration;

namespace OrleansRegistry.Tests.Client.Options;

public sealed class RegistryClientOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        Assert.True(new RegistryClientOptionsValidator().Validate(null, new RegistryClientOptions()).Succeeded);
    }

    [Fact]
    public void Validate_BadValues_NamesEachKey()
    {
        var options = new RegistryClientOptions
        {
            CacheTtl = TimeSpan.Zero,
            SubscriptionRenewal = TimeSpan.FromMinutes(5),
            DefaultScheme = "ftp",
        };
        options.Resilience.AttemptTimeout = TimeSpan.FromMinutes(2);
        options.Resilience.BreakerMinimumThroughput = 1;
        options.Resilience.BreakerFailureRatio = 0;
        options.Resilience.BreakerIdleExpiry = TimeSpan.FromSeconds(10);

        var result = new RegistryClientOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        foreach (var key in new[]
        {
            "Registry:Client:CacheTtl",
            "Registry:Client:SubscriptionRenewal",
            "Registry:Client:DefaultScheme",
            "Registry:Client:Resilience:AttemptTimeout",
            "Registry:Client:Resilience:BreakerMinimumThroughput",
            "Registry:Client:Resilience:BreakerFailureRatio",
            "Registry:Client:Resilience:BreakerIdleExpiry",
        })
        {
            Assert.Contains(key, result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_SelfRegistrationHeartbeatNotShorterThanTtl_NamesTheKey()
    {
        var options = new SelfRegistrationOptions { ServiceName = "users", Ttl = TimeSpan.FromSeconds(5), HeartbeatInterval = TimeSpan.FromSeconds(5) };

        var result = new SelfRegistrationOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Registry:SelfRegistration:HeartbeatInterval", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SelfRegistrationBadHostAndPath_NamesTheKeys()
    {
        var options = new SelfRegistrationOptions { ServiceName = "users", Host = "not a host", HealthCheckPath = "health" };

        var result = new SelfRegistrationOptionsValidator().Validate(null, options);

        Assert.Contains("Registry:SelfRegistration:Host", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Registry:SelfRegistration:HealthCheckPath", result.FailureMessage, StringComparison.Ordinal);
    }
}
