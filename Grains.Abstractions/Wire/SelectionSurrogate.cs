using OrleansRegistry.Model;

namespace OrleansRegistry.Wire;

/// <summary>How a <see cref="Selection"/> crosses the wire: the chosen instance as its Orleans encoding, and the lease.</summary>
[GenerateSerializer, Alias("registry.SelectionSurrogate")]
public readonly record struct SelectionSurrogate(
    [property: Id(0)] byte[] Instance,
    [property: Id(1)] LeaseToken? Lease);
