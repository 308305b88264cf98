using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using OrleansRegistry.Contracts;
using OrleansRegistry.Model;

namespace OrleansRegistry.Silo.Http;

/// <summary>
/// The UTF-8 JSON of instance answers, reused while the instances they were made from are the same
/// objects. Records are immutable, so the same object always yields the same bytes. A pick hands
/// out the objects of the silo's cache, which only a push replaces; a service grain on this silo
/// hands out the same list until the service changes or an instance heartbeats. Answers from a
/// grain on another silo arrive as new objects and are serialized each time.
/// </summary>
internal sealed class JsonAnswers
{
    public const string ContentType = "application/json; charset=utf-8";

    /// <summary>More names than this and the list answers are dropped and built again: bounded memory.</summary>
    private const int MaxCachedLists = 4096;

    private readonly ConditionalWeakTable<ServiceInstance, byte[]> _instances = new();
    private readonly ConcurrentDictionary<string, ListAnswer> _lists = new(StringComparer.Ordinal);

    public byte[] Instance(ServiceInstance instance) =>
        _instances.TryGetValue(instance, out var cached) ? cached : _instances.GetValue(instance, Serialize);

    public byte[] List(string serviceName, IReadOnlyList<ServiceInstance> instances, bool onlyHealthy)
    {
        if (!_lists.TryGetValue(serviceName, out var answer) || !ReferenceEquals(answer.Instances, instances))
        {
            if (_lists.Count >= MaxCachedLists)
            {
                _lists.Clear();
            }

            answer = new ListAnswer(instances);
            _lists[serviceName] = answer;
        }

        return onlyHealthy
            ? answer.Healthy ??= Serialize(instances, onlyHealthy: true)
            : answer.All ??= Serialize(instances, onlyHealthy: false);
    }

    private static byte[] Serialize(ServiceInstance instance) =>
        JsonSerializer.SerializeToUtf8Bytes(instance.ToDocument(), RegistryJsonContext.Default.ServiceInstanceDocument);

    private static byte[] Serialize(IReadOnlyList<ServiceInstance> instances, bool onlyHealthy)
    {
        var documents = new List<ServiceInstanceDocument>(instances.Count);
        foreach (var instance in instances)
        {
            if (!onlyHealthy || instance.Status == ServiceStatus.Healthy)
            {
                documents.Add(instance.ToDocument());
            }
        }

        return JsonSerializer.SerializeToUtf8Bytes(documents, RegistryJsonContext.Default.ListServiceInstanceDocument);
    }

    /// <summary>The answers made from one list object; filled on first use (a race only serializes twice).</summary>
    private sealed class ListAnswer(IReadOnlyList<ServiceInstance> instances)
    {
        public IReadOnlyList<ServiceInstance> Instances { get; } = instances;

        public byte[]? All { get; set; }

        public byte[]? Healthy { get; set; }
    }
}
