using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using OrleansRegistry.Benchmarks.Support;
using OrleansRegistry.Model;
using OrleansRegistry.Registry;

namespace OrleansRegistry.Benchmarks.Client;

/// <summary>
/// What carrying a pick's answer costs on its own: serializing a <see cref="Selection"/> (as the
/// silo does) and deserializing it (as the client does) with the Orleans serializer, on one thread.
/// A no-op call carries no answer, so this is the part of a pick that a ping never pays. The same
/// instance is picked again and again, as in a real fleet, so this is the cost once its encoding
/// and its decoded copy are cached (see <c>SelectionConverter</c>).
/// </summary>
internal static class SelectionWireCost
{
    public static (double Microseconds, int Bytes) Measure(int roundTrips)
    {
        using var services = new ServiceCollection().AddSerializer().BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();
        var instance = SampleInstances.Create("bench-client", 1);

        // As the service grain stores it, and so as a pick carries it.
        var stored = instance with { Metadata = StoredMetadata.Of(instance.Metadata), LastHeartbeat = DateTimeOffset.UtcNow, CreatedAt = DateTimeOffset.UtcNow };
        var selection = new Selection(stored, null);
        var bytes = serializer.SerializeToArray(selection);
        for (var i = 0; i < roundTrips / 10; i++)
        {
            serializer.Deserialize<Selection>(serializer.SerializeToArray(selection));
        }

        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < roundTrips; i++)
        {
            serializer.Deserialize<Selection>(serializer.SerializeToArray(selection));
        }

        return (Stopwatch.GetElapsedTime(started).TotalMicroseconds / roundTrips, bytes.Length);
    }
}
