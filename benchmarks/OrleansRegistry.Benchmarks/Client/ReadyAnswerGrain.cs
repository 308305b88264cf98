using OrleansRegistry.Caching;
using OrleansRegistry.Model;

namespace OrleansRegistry.Benchmarks.Client;

/// <summary>Placed like <c>BalancerGrain</c> (a reentrant stateless worker); answers from a selection it made once.</summary>
[StatelessWorker, Reentrant]
internal sealed class ReadyAnswerGrain(SiloServiceCache cache) : Grain, IReadyAnswerGrain
{
    private Selection? _answer;

    public async Task<Selection?> AnswerAsync(string serviceName, LoadBalancingStrategy strategy) =>
        _answer ??= new Selection((await cache.GetAsync(serviceName)).Current.Selectable[0], null);
}
