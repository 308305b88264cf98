using OrleansRegistry.Model;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Registry;

/// <summary>
/// Every registration arrives with its own copies of the service's name and its metadata strings;
/// the registry holds the name once per service, and a key (and an equal value under it) once
/// for the instances that share it. Read from the silo's own copy, which holds the grain's records.
/// </summary>
[Collection(RegistryHttpCollection.Name)]
public sealed class InstanceStringSharingTests(RegistryHttpFixture fixture)
{
    [Fact]
    public async Task Register_InstancesOfOneService_ShareTheNameAndEqualMetadataStrings()
    {
        var service = $"share-{Guid.NewGuid():N}"[..20];
        await fixture.Client.RegisterAsync(service, "a", metadata: """{"zone":"eu-1","version":"2.0.1"}""");
        await fixture.Client.RegisterAsync(service, "b", metadata: """{"version":"2.0.1","zone":"eu-1","extra":"x"}""");
        await fixture.Client.RegisterAsync(service, "c", metadata: """{"zone":"us-2","version":"2.0.1"}""");

        var instances = await SiloCopyAsync(service, 3);
        var (a, b, c) = (instances["a"], instances["b"], instances["c"]);

        Assert.Same(a.ServiceName, b.ServiceName);
        Assert.Same(a.ServiceName, c.ServiceName);
        Assert.Same(KeyOf(a, "zone"), KeyOf(b, "zone"));
        Assert.Same(KeyOf(a, "version"), KeyOf(c, "version"));
        Assert.Same(a.Metadata["version"], b.Metadata["version"]);
        Assert.Same(a.Metadata["zone"], b.Metadata["zone"]);
        Assert.Equal("us-2", c.Metadata["zone"]);

        // The order given is the order kept (and answered).
        Assert.Equal(["version", "zone", "extra"], b.Metadata.Keys);
    }

    [Fact]
    public async Task Register_AgainWithAChangedValue_KeepsTheUnchangedStringsAndTheNewValue()
    {
        var service = $"share-{Guid.NewGuid():N}"[..20];
        await fixture.Client.RegisterAsync(service, "a", metadata: """{"zone":"eu-1","version":"2.0.1"}""");
        var first = (await SiloCopyAsync(service, 1))["a"];

        await fixture.Client.RegisterAsync(service, "a", port: 9090, metadata: """{"zone":"eu-1","version":"2.0.2"}""");
        var second = (await SiloCopyAsync(service, 1, after: first))["a"];

        Assert.Equal(9090, second.Port);
        Assert.Same(first.Metadata["zone"], second.Metadata["zone"]);
        Assert.Same(KeyOf(first, "version"), KeyOf(second, "version"));
        Assert.Equal("2.0.2", second.Metadata["version"]);
    }

    private static string KeyOf(ServiceInstance instance, string key) => instance.Metadata.Keys.Single(k => k == key);

    private async Task<Dictionary<string, ServiceInstance>> SiloCopyAsync(string service, int count, ServiceInstance? after = null)
    {
        // The push reaches the silo's copy before the registration is acknowledged; a refresh reads the grain.
        var entry = await fixture.SiloCache.RefreshAsync(service);
        var instances = entry.Snapshot.Instances.ToDictionary(instance => instance.Id);
        Assert.Equal(count, instances.Count);
        if (after is not null)
        {
            Assert.NotSame(after, instances[after.Id]);
        }

        return instances;
    }
}
