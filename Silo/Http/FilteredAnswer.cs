using System.Text.Json;
using OrleansRegistry.Caching;
using OrleansRegistry.Contracts;
using OrleansRegistry.Model;

namespace OrleansRegistry.Silo.Http;

/// <summary>
/// What a listing answers with: the instances <see cref="Filter"/> keeps, only the healthy ones
/// when <see cref="OnlyHealthy"/>. A blocking query with a filter compares these answers to decide
/// whether a change of the service is a change for it.
/// </summary>
public sealed record FilteredAnswer(InstanceFilter Filter, bool OnlyHealthy)
{
    public static FilteredAnswer Unfiltered { get; } = new(InstanceFilter.None, OnlyHealthy: false);

    /// <summary>
    /// The answer of <paramref name="copy"/> as bytes that are equal exactly when the answers say
    /// the same: ordered by id, and without <c>last_heartbeat</c>, which moves without a change
    /// (heartbeats do not move the index, and a reloaded copy carries newer ones). Every other
    /// field of the wire form counts, whatever fields it gains.
    /// </summary>
    public byte[] Fingerprint(ServiceCopy copy)
    {
        ArgumentNullException.ThrowIfNull(copy);
        var documents = copy.Matching(Filter, OnlyHealthy)
            .OrderBy(instance => instance.Id, StringComparer.Ordinal)
            .Select(instance => instance.ToDocument() with { LastHeartbeat = null })
            .ToList();
        return JsonSerializer.SerializeToUtf8Bytes(documents, RegistryJsonContext.Default.ListServiceInstanceDocument);
    }
}
