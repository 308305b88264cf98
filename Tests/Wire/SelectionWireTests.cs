using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using OrleansRegistry.Model;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Wire;

/// <summary>A pick crosses the wire as its instance's cached encoding; what arrives must be exactly what was picked.</summary>
public sealed class SelectionWireTests : IDisposable
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

    [Fact]
    public void RoundTrip_SameInstanceTwice_DecodesItOnce()
    {
        var instance = Instances.Create("orders", "orders-1");

        var first = RoundTrip(new Selection(instance, null))!;
        var second = RoundTrip(new Selection(instance, new LeaseToken("silo-a", "orders", 7)))!;

        Assert.Same(first.Instance, second.Instance);
        Assert.Equal(new LeaseToken("silo-a", "orders", 7), second.Lease);
    }

    [Fact]
    public void RoundTrip_ChangedInstance_ArrivesChanged()
    {
        var before = Instances.Create("orders", "orders-1");
        var after = before with { Status = ServiceStatus.Unhealthy, Port = 9090 };

        var first = RoundTrip(new Selection(before, null))!;
        var second = RoundTrip(new Selection(after, null))!;

        Assert.Equal(ServiceStatus.Healthy, first.Instance.Status);
        Assert.Equal(ServiceStatus.Unhealthy, second.Instance.Status);
        Assert.Equal(9090, second.Instance.Port);
    }

    [Fact]
    public void RoundTrip_MoreDistinctInstancesThanTheTableHolds_EachArrivesAsSent()
    {
        // Past its capacity the receiver's table starts over; nothing it hands out may be another instance.
        for (var i = 0; i < 5000; i++)
        {
            var sent = Instances.Create("orders", $"orders-{i}", port: 1024 + i);
            var received = RoundTrip(new Selection(sent, null))!;
            Assert.Equal(sent.Id, received.Instance.Id);
            Assert.Equal(sent.Port, received.Instance.Port);
        }
    }

    private Selection? RoundTrip(Selection? selection) =>
        Serializer.Deserialize<Selection?>(Serializer.SerializeToArray(selection));
}
