using Orleans.Serialization;
using OrleansRegistry.Model;

namespace OrleansRegistry.Wire;

/// <summary>
/// Picks repeat the same few instances many thousand times a second, and an instance changes far
/// less often than it is picked. So the sender encodes each instance object once and reuses the
/// bytes, and the receiver decodes each distinct encoding once and reuses the instance: a pick
/// through an Orleans client no longer pays for serializing three strings, two timestamps and a
/// metadata dictionary each time (that was most of its cost over an empty call).
/// </summary>
[RegisterConverter]
public sealed class SelectionConverter(Serializer<ServiceInstance> serializer) : IConverter<Selection, SelectionSurrogate>
{
    private readonly EncodedInstances _encoded = new(serializer);
    private readonly DecodedInstances _decoded = new(serializer);

    public Selection ConvertFromSurrogate(in SelectionSurrogate surrogate) =>
        new(_decoded.Decode(surrogate.Instance), surrogate.Lease);

    public SelectionSurrogate ConvertToSurrogate(in Selection value) =>
        new(_encoded.Encode(value.Instance), value.Lease);
}
