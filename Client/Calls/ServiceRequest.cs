using OrleansRegistry.Model;

namespace OrleansRegistry.Client.Calls;

/// <summary>One HTTP request to whichever instance of <paramref name="ServiceName"/> the client picks.</summary>
/// <param name="Path">Path and query on the instance, starting with a single <c>/</c>.</param>
public sealed record ServiceRequest(string ServiceName, HttpMethod Method, string Path)
{
    /// <summary>Request body, resent as is on every attempt; null for none.</summary>
    public ReadOnlyMemory<byte>? Body { get; init; }

    public string ContentType { get; init; } = "application/json";

    /// <summary>Extra request headers.</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>Overrides <see cref="Options.RegistryClientOptions.Strategy"/> for this call.</summary>
    public LoadBalancingStrategy? Strategy { get; init; }

    /// <summary>Overrides <see cref="Options.RegistryClientOptions.Selection"/> for this call (pick locally or through the registry's balancer).</summary>
    public Options.SelectionMode? Selection { get; init; }

    /// <summary>Only instances this filter keeps (tags, metadata); null for all.</summary>
    public InstanceFilter? Filter { get; init; }

    /// <summary>Prefer instances of this zone (<c>metadata["zone"]</c>), falling back to every zone when it has none eligible.</summary>
    public string? Near { get; init; }
}
