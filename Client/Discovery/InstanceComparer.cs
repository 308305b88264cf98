using OrleansRegistry.Model;

namespace OrleansRegistry.Client.Discovery;

/// <summary>Compares what the registry says about instances, ignoring heartbeat times (they change without a new change index).</summary>
internal static class InstanceComparer
{
    private static readonly IReadOnlyDictionary<string, string> NoMetadata = new Dictionary<string, string>();

    public static bool SameExceptHeartbeat(ServiceInstance a, ServiceInstance b) =>
        a with { LastHeartbeat = default, Metadata = NoMetadata } == b with { LastHeartbeat = default, Metadata = NoMetadata }
        && a.Metadata.Count == b.Metadata.Count
        && a.Metadata.All(entry => b.Metadata.TryGetValue(entry.Key, out var value) && value == entry.Value);

    /// <summary>True when both snapshots list the same instances (in the registry's id order) with the same details.</summary>
    public static bool SameInstances(ServiceSnapshot a, ServiceSnapshot b)
    {
        if (a.Instances.Count != b.Instances.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Instances.Count; i++)
        {
            if (!SameExceptHeartbeat(a.Instances[i], b.Instances[i]))
            {
                return false;
            }
        }

        return true;
    }
}
