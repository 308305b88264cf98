using System.Collections.Concurrent;
using Orleans.Serialization;
using Orleans.Storage;

namespace OrleansRegistry.Tests.Fixtures;

/// <summary>
/// A <see cref="SharedGrainStorage"/> whose service-state writes a test can hold at a
/// <see cref="WriteGate"/> and then let through or fail, to see what a grain does while a write
/// is in flight and after one fails. Counts the writes of each service.
/// </summary>
public sealed class GatedGrainStorage(SharedGrainStore store, Serializer serializer) : IGrainStorage
{
    private readonly SharedGrainStorage _inner = new(store, serializer);
    private readonly ConcurrentDictionary<string, WriteGate> _gates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _writes = new(StringComparer.Ordinal);

    /// <summary>Holds every later write of <paramref name="serviceName"/>'s state at a new gate.</summary>
    public WriteGate Hold(string serviceName) => _gates[serviceName] = new WriteGate();

    /// <summary>Removes the gate: writes go straight through again.</summary>
    public void Open(string serviceName) => _gates.TryRemove(serviceName, out _);

    /// <summary>Successful writes of <paramref name="serviceName"/>'s state.</summary>
    public int Writes(string serviceName) => _writes.GetValueOrDefault(serviceName);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        _inner.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var service = stateName == "service" ? grainId.Key.ToString() : null;
        if (service is not null && _gates.TryGetValue(service, out var gate) && await gate.PassAsync())
        {
            throw new IOException($"storage refused the write of {service} (test)");
        }

        await _inner.WriteStateAsync(stateName, grainId, grainState);
        if (service is not null)
        {
            _writes.AddOrUpdate(service, 1, (_, count) => count + 1);
        }
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        _inner.ClearStateAsync(stateName, grainId, grainState);
}
