using OrleansRegistry.Options;
using OrleansRegistry.Silo.Hosting;
using OrleansRegistry.Silo.Http;

namespace OrleansRegistry.Tests.Http;

public sealed class ApiKeyRingTests
{
    [Fact]
    public void Accepts_AnyConfiguredKeyAndNothingElse()
    {
        var ring = Ring("alpha", "beta");

        Assert.True(ring.IsEnabled);
        Assert.True(ring.Accepts("alpha"));
        Assert.True(ring.Accepts("beta"));
        Assert.False(ring.Accepts("alph"));
        Assert.False(ring.Accepts("alphaa"));
        Assert.False(ring.Accepts("ALPHA"));
        Assert.False(ring.Accepts(""));
        Assert.False(ring.Accepts(null));
    }

    [Fact]
    public void IsEnabled_NoKeys_False()
    {
        var ring = Ring();

        Assert.False(ring.IsEnabled);
        Assert.False(ring.Accepts("anything"));
    }

    private static ApiKeyRing Ring(params string[] keys) =>
        new(new SiloConfiguration(new SiloOptions(), new RegistryOptions { ApiKeys = keys }, new HealthCheckOptions()));
}
