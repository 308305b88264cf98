using OrleansRegistry.Model;

namespace OrleansRegistry.Benchmarks.Client;

/// <summary>
/// The fair baseline of the client's pick: the same call shape as <c>IBalancerGrain.SelectAsync</c>
/// that returns a ready-made answer of the same size (a selection of the service's first instance,
/// made once), so both calls carry the same bytes and differ only by the pick.
/// </summary>
[Alias("bench.IReadyAnswerGrain")]
public interface IReadyAnswerGrain : IGrainWithIntegerKey
{
    [Alias("Answer")]
    Task<Selection?> AnswerAsync(string serviceName, LoadBalancingStrategy strategy);
}
