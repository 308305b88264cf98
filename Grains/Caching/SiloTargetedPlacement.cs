using Orleans.Placement;

namespace OrleansRegistry.Caching;

/// <summary>Places a grain on the silo its string key names (see <see cref="SiloKey"/>).</summary>
[GenerateSerializer, Immutable, Alias("registry.SiloTargetedPlacement")]
public sealed class SiloTargetedPlacement : PlacementStrategy
{
    public static SiloTargetedPlacement Instance { get; } = new();
}

[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class SiloTargetedPlacementAttribute() : PlacementAttribute(SiloTargetedPlacement.Instance);
