using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using OrleansRegistry.Diagnostics;

namespace OrleansRegistry.Tests.Support;

/// <summary>Registry instruments for a part built outside a silo, on a meter factory of the test process.</summary>
public static class StandaloneMetrics
{
    private static readonly ServiceProvider Services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public static RegistryMetrics Create() => new(Services.GetRequiredService<IMeterFactory>(), new ServiceGauges());
}
