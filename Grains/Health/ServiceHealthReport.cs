namespace OrleansRegistry.Health;

/// <summary>The health checker's view of one service.</summary>
/// <param name="Silo">The silo running the service grain (and its probes).</param>
/// <param name="Checking">Whether the grain is checking (timer running).</param>
/// <param name="ReminderHeld">Whether this activation holds the keep-alive reminder.</param>
/// <param name="Rounds">Probe rounds applied by this activation.</param>
/// <param name="LastTickAt">The last health tick of this activation.</param>
/// <param name="Panic">True while the panic guard keeps failing instances selectable.</param>
[GenerateSerializer, Immutable, Alias("registry.ServiceHealthReport")]
public sealed record ServiceHealthReport(
    [property: Id(0)] string Silo,
    [property: Id(1)] bool Checking,
    [property: Id(2)] bool ReminderHeld,
    [property: Id(3)] long Rounds,
    [property: Id(4)] DateTimeOffset? LastTickAt,
    [property: Id(5)] bool Panic,
    [property: Id(6)] IReadOnlyList<InstanceHealthReport> Instances);
