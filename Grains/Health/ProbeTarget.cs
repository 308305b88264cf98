namespace OrleansRegistry.Health;

/// <summary>One probe to run. <see cref="Generation"/> ties its result to one registration of the instance.</summary>
[GenerateSerializer, Immutable, Alias("registry.ProbeTarget")]
public sealed record ProbeTarget(
    [property: Id(0)] string InstanceId,
    [property: Id(1)] long Generation,
    [property: Id(2)] ProbeKind Kind,
    [property: Id(3)] string Host,
    [property: Id(4)] int Port,
    [property: Id(5)] string? Url);
