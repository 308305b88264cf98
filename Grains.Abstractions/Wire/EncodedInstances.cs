using Orleans.Serialization;
using OrleansRegistry.Model;

namespace OrleansRegistry.Wire;

/// <summary>
/// The Orleans encoding of each instance object a silo hands out, made once. Instances are
/// immutable records, so an object's bytes stay right for as long as it lives. Keyed by reference:
/// a changed instance is a new object. Bounded, so a large fleet costs at most
/// <see cref="Capacity"/> encodings per silo rather than one per instance.
/// </summary>
internal sealed class EncodedInstances(Serializer<ServiceInstance> serializer)
{
    /// <summary>Room for the instances a silo's callers pick among; past it the table starts over.</summary>
    internal const int Capacity = 4096;

    private readonly BoundedTable<ServiceInstance, byte[]> _encodings =
        new(Capacity, ReferenceEqualityComparer.Instance, serializer.SerializeToArray);

    public byte[] Encode(ServiceInstance instance) => _encodings.Get(instance);
}
