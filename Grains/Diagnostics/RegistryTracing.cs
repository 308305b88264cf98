using System.Diagnostics;

namespace OrleansRegistry.Diagnostics;

/// <summary>
/// The registry's own spans: register, deregister, store, change push and probe round. With
/// Orleans' activity propagation on, they join the HTTP request's trace and Orleans' call spans.
/// </summary>
public static class RegistryTracing
{
    public const string SourceName = "OrleansRegistry";

    public static readonly ActivitySource Source = new(SourceName);
}
