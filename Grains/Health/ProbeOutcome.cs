namespace OrleansRegistry.Health;

/// <summary>A prober's verdict on one target.</summary>
public readonly record struct ProbeOutcome(bool Passed, string Detail)
{
    public static ProbeOutcome Pass(string detail) => new(true, detail);

    public static ProbeOutcome Fail(string detail) => new(false, detail);
}
