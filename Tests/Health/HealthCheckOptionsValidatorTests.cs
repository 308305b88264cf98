using OrleansRegistry.Options;

namespace OrleansRegistry.Tests.Health;

public sealed class HealthCheckOptionsValidatorTests
{
    private readonly HealthCheckOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(_validator.Validate(null, new HealthCheckOptions()).Succeeded);
    }

    [Theory]
    [InlineData("DeregisterAfter")]
    [InlineData("Timeout")]
    [InlineData("FailuresBeforeUnhealthy")]
    [InlineData("AllowedHosts")]
    public void Validate_BadValue_FailsNamingTheKey(string key)
    {
        var options = new HealthCheckOptions();
        switch (key)
        {
            case "DeregisterAfter":
                options.DeregisterAfter = TimeSpan.FromSeconds(59);
                break;
            case "Timeout":
                options.Timeout = options.Interval + TimeSpan.FromSeconds(1);
                break;
            case "FailuresBeforeUnhealthy":
                options.FailuresBeforeUnhealthy = 0;
                break;
            case "AllowedHosts":
                options.AllowedHosts = ["bad host"];
                break;
        }

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains($"Registry:HealthCheck:{key}", result.FailureMessage, StringComparison.Ordinal);
    }
}
