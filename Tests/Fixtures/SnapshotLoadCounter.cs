using System.Collections.Concurrent;
using OrleansRegistry.Grains;

namespace OrleansRegistry.Tests.Fixtures;

/// <summary>
/// Counts the calls of <see cref="IServiceGrain.GetSnapshotAsync"/> each service grain receives:
/// how a silo's cache loads a service, so a test can see how often it did. The test cluster's silos
/// share this process, so one static table serves them all.
/// </summary>
public sealed class SnapshotLoadCounter : IIncomingGrainCallFilter
{
    private static readonly ConcurrentDictionary<string, int> Loads = new(StringComparer.Ordinal);

    public static int LoadsOf(string serviceName) => Loads.GetValueOrDefault(serviceName);

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod is { Name: nameof(IServiceGrain.GetSnapshotAsync) } method && method.DeclaringType == typeof(IServiceGrain))
        {
            Loads.AddOrUpdate(context.TargetId.Key.ToString()!, 1, static (_, count) => count + 1);
        }

        return context.Invoke();
    }
}
