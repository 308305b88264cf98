using System.Text.Json;
using OrleansRegistry.Contracts;
using OrleansRegistry.LoadBalancing;
using OrleansRegistry.Model;

namespace OrleansRegistry.Caching;

/// <summary>
/// One snapshot of a service as this silo holds it, with what is derived from it once: the
/// instances a balancer may hand out and, on first use, the HTTP API's JSON answers. A new
/// snapshot is a new copy, so nothing here is ever invalidated. Filtered answers are computed
/// from it per request; only the unfiltered ones are prebuilt.
/// </summary>
public sealed class ServiceCopy
{
    public const string JsonContentType = "application/json; charset=utf-8";

    private readonly byte[]?[] _selectableJson;
    private byte[]? _allJson;
    private byte[]? _healthyJson;
    private readonly CandidateLists _candidates;

    public ServiceCopy(ServiceSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Snapshot = snapshot;
        _candidates = new CandidateLists(snapshot);
        _selectableJson = new byte[]?[Selectable.Length];
    }

    public ServiceSnapshot Snapshot { get; }

    public long Index => Snapshot.Index;

    /// <summary>The instances a balancer may hand out, ordered by id.</summary>
    public ServiceInstance[] Selectable => _candidates.Selectable;

    /// <summary>The UTF-8 JSON list of the instances (only the healthy ones when asked), built once.</summary>
    // Two requests racing on first use both serialize; either result is the same bytes.
    public byte[] InstancesJson(bool onlyHealthy) =>
        onlyHealthy ? _healthyJson ??= Serialize(onlyHealthy: true) : _allJson ??= Serialize(onlyHealthy: false);

    /// <summary>The instances <paramref name="filter"/> keeps (only the healthy ones when asked), in the snapshot's order.</summary>
    public List<ServiceInstance> Matching(InstanceFilter filter, bool onlyHealthy)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var matching = new List<ServiceInstance>();
        foreach (var instance in Snapshot.Instances)
        {
            if ((!onlyHealthy || instance.IsListedHealthy) && filter.Matches(instance))
            {
                matching.Add(instance);
            }
        }

        return matching;
    }

    /// <summary>The UTF-8 JSON list of the instances <paramref name="filter"/> keeps: prebuilt when it keeps all, else serialized now.</summary>
    public byte[] InstancesJson(InstanceFilter filter, bool onlyHealthy)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return filter.IsEmpty
            ? InstancesJson(onlyHealthy)
            : JsonSerializer.SerializeToUtf8Bytes(Matching(filter, onlyHealthy).ConvertAll(instance => instance.ToDocument()), RegistryJsonContext.Default.ListServiceInstanceDocument);
    }

    /// <summary>The selectable instances a pick with <paramref name="filter"/> and <paramref name="near"/> chooses among (see <see cref="CandidateLists.For"/>).</summary>
    public SelectionCandidates Candidates(InstanceFilter filter, string? near) => _candidates.For(filter, near);

    /// <summary>The UTF-8 JSON of one instance; built once for the instances picked from this copy.</summary>
    public byte[] InstanceJson(ServiceInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var index = Array.BinarySearch(Selectable, instance, ById.Instance);

        // A pick made from an earlier copy is not one of these objects: serialized on its own.
        return index >= 0 && ReferenceEquals(Selectable[index], instance)
            ? _selectableJson[index] ??= JsonOf(instance)
            : JsonOf(instance);
    }

    /// <summary>The UTF-8 JSON of an instance, serialized now.</summary>
    public static byte[] JsonOf(ServiceInstance instance) =>
        JsonSerializer.SerializeToUtf8Bytes(instance.ToDocument(), RegistryJsonContext.Default.ServiceInstanceDocument);

    private byte[] Serialize(bool onlyHealthy)
    {
        var documents = new List<ServiceInstanceDocument>(Snapshot.Instances.Count);
        foreach (var instance in Snapshot.Instances)
        {
            if (!onlyHealthy || instance.IsListedHealthy)
            {
                documents.Add(instance.ToDocument());
            }
        }

        return JsonSerializer.SerializeToUtf8Bytes(documents, RegistryJsonContext.Default.ListServiceInstanceDocument);
    }

    private sealed class ById : IComparer<ServiceInstance>
    {
        public static readonly ById Instance = new();

        public int Compare(ServiceInstance? x, ServiceInstance? y) => string.CompareOrdinal(x?.Id, y?.Id);
    }
}
