using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using OrleansRegistry.Model;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Serialization;

/// <summary>A pick crosses the Orleans wire to clients; what arrives must be exactly what was picked.</summary>
public sealed class SelectionSerializationTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection()
        .AddSerializer(builder => builder.AddAssembly(typeof(Selection).Assembly))
        .BuildServiceProvider();

    private Serializer Serializer => _services.GetRequiredService<Serializer>();

    public void Dispose() => _services.Dispose();

    [Fact]
    public void RoundTrip_KeepsEveryFieldOfTheInstanceAndTheLease()
    {
        var instance = new ServiceInstance(
            "orders-1", "orders", "10.1.2.3", 8443, ServiceStatus.Unhealthy,
            new Dictionary<string, string> { ["zone"] = "eu-1", ["weight"] = "3" },
            "http://10.1.2.3:8443/health",
            DateTimeOffset.UtcNow,
            DateTimeOffset.UtcNow.AddMinutes(-5))
        {
            Check = new InstanceCheck(Ttl: TimeSpan.FromSeconds(10), FailuresBeforeUnhealthy: 2),
            Panic = true,
        };
        var sent = new Selection(instance, new LeaseToken("silo-a", "orders", 42));

        var received = RoundTrip(sent);

        Assert.NotNull(received);
        Assert.Equal(sent.Lease, received.Lease);
        Assert.Equal(instance.Metadata, received.Instance.Metadata);
        Assert.Equal(instance, received.Instance with { Metadata = instance.Metadata });
    }

    [Fact]
    public void RoundTrip_NoPick_StaysNull() => Assert.Null(RoundTrip(null));

    private Selection? RoundTrip(Selection? selection) =>
        Serializer.Deserialize<Selection?>(Serializer.SerializeToArray(selection));
}
