using Orleans.Serialization;
using OrleansRegistry.Model;

namespace OrleansRegistry.Wire;

/// <summary>
/// Instances decoded from their encodings, found again by the bytes. Equal bytes decode to equal
/// immutable values, so handing out the same object is safe; an instance that changed encodes
/// differently and is decoded anew. Bounded, so instances that left the registry do not pile up in
/// a long-running client.
/// </summary>
internal sealed class DecodedInstances(Serializer<ServiceInstance> serializer)
{
    /// <summary>Room for the instances a busy client picks among; past it the table starts over.</summary>
    internal const int Capacity = 4096;

    private readonly BoundedTable<byte[], ServiceInstance> _instances =
        new(Capacity, ByteContentComparer.Instance, encoded => serializer.Deserialize(encoded) ?? throw new InvalidOperationException("A selection arrived without its instance."));

    public ServiceInstance Decode(byte[] encoded) => _instances.Get(encoded);

    private sealed class ByteContentComparer : IEqualityComparer<byte[]>
    {
        public static readonly ByteContentComparer Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] bytes)
        {
            var hash = default(HashCode);
            hash.AddBytes(bytes);
            return hash.ToHashCode();
        }
    }
}
