using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OrleansRegistry.Client.Calls;
using OrleansRegistry.Client.Options;

namespace OrleansRegistry.Tests.Client.Calls;

public sealed class InstanceCircuitBreakersTests
{
    private static readonly TimeSpan IdleExpiry = TimeSpan.FromMinutes(10);

    [Fact]
    public void For_BreakerUnusedForTheIdleExpiry_IsDroppedAndStartsFreshWhenCalledAgain()
    {
        var clock = new FakeTimeProvider();
        var breakers = Create(clock);
        var gone = breakers.For("10.0.0.1:80");
        breakers.For("10.0.0.2:80");

        clock.Advance(TimeSpan.FromMinutes(4));
        breakers.For("10.0.0.2:80");
        clock.Advance(TimeSpan.FromMinutes(7));
        breakers.For("10.0.0.3:80");

        Assert.Equal(["10.0.0.2:80", "10.0.0.3:80"], breakers.Authorities.Order(StringComparer.Ordinal));
        Assert.NotSame(gone, breakers.For("10.0.0.1:80"));
    }

    [Fact]
    public void For_BreakersInUse_AreKeptAcrossSweeps()
    {
        var clock = new FakeTimeProvider();
        var breakers = Create(clock);
        var kept = breakers.For("10.0.0.1:80");

        for (var minute = 0; minute < 35; minute++)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            Assert.Same(kept, breakers.For("10.0.0.1:80"));
        }

        Assert.Equal(["10.0.0.1:80"], breakers.Authorities);
    }

    private static InstanceCircuitBreakers Create(TimeProvider clock)
    {
        var options = new RegistryClientOptions();
        options.Resilience.BreakerIdleExpiry = IdleExpiry;
        return new InstanceCircuitBreakers(Microsoft.Extensions.Options.Options.Create(options), clock, NullLogger<InstanceCircuitBreakers>.Instance);
    }
}
