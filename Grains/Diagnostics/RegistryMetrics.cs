using System.Diagnostics.Metrics;
using OrleansRegistry.Model;

namespace OrleansRegistry.Diagnostics;

/// <summary>
/// The registry's own instruments, on the meter <see cref="MeterName"/> (Prometheus names in
/// README's Observability section). Labels are bounded: namespace, service, status, strategy,
/// kind, result, reason; never an instance id. Gauges of a service are reported by the silo
/// whose service grain owns it (<see cref="ServiceGauges"/>), so summing them over the silos
/// gives the cluster's totals.
/// </summary>
public sealed class RegistryMetrics
{
    public const string MeterName = "OrleansRegistry";

    private static readonly InstrumentAdvice<double> SecondsAdvice = new()
    {
        HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    };

    private readonly Counter<long> _registrations;
    private readonly Counter<long> _deregistrations;
    private readonly Counter<long> _heartbeats;
    private readonly Counter<long> _probes;
    private readonly Histogram<double> _probeDuration;
    private readonly Histogram<double> _pushDuration;
    private readonly UpDownCounter<long> _blockingQueries;
    private readonly Counter<long> _selections;

    public RegistryMetrics(IMeterFactory meterFactory, ServiceGauges gauges)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(gauges);
        var meter = meterFactory.Create(MeterName);
        _registrations = meter.CreateCounter<long>("registry.registrations", "{registration}", "Instances registered or replaced");
        _deregistrations = meter.CreateCounter<long>("registry.deregistrations", "{deregistration}", "Instances removed, by reason: api, evicted or ttl");
        _heartbeats = meter.CreateCounter<long>("registry.heartbeats", "{heartbeat}", "Heartbeats, by result: renewed or not_registered");
        _probes = meter.CreateCounter<long>("registry.probes", "{probe}", "Health probes, by kind (http, tcp) and result (pass, fail)");
        _probeDuration = meter.CreateHistogram("registry.probe.duration", "s", "Time one health probe took", tags: null, advice: SecondsAdvice);
        _pushDuration = meter.CreateHistogram("registry.change_push.duration", "s", "Time a stored change took to reach every silo's copy", tags: null, advice: SecondsAdvice);
        _blockingQueries = meter.CreateUpDownCounter<long>("registry.blocking_queries", "{request}", "Blocking queries waiting now");
        _selections = meter.CreateCounter<long>("registry.selections", "{selection}", "Balancer picks, by strategy and result (picked, none)");
        meter.CreateObservableGauge("registry.instances", gauges.ObserveInstances, "{instance}", "Instances of the services this silo owns, by status");
        meter.CreateObservableGauge("registry.services", gauges.ObserveServices, "{service}", "Services this silo owns");
        meter.CreateObservableGauge("registry.service.panic", gauges.ObservePanic, description: "1 while a service this silo owns is in panic mode");
    }

    public void Registered(string ns) => _registrations.Add(1, Namespace(ns));

    public void Deregistered(string ns, string reason) => _deregistrations.Add(1, Namespace(ns), new("reason", reason));

    public void Heartbeat(bool renewed) => _heartbeats.Add(1, new KeyValuePair<string, object?>("result", renewed ? "renewed" : "not_registered"));

    public void Probed(string kind, bool passed, TimeSpan took)
    {
        _probes.Add(1, new("kind", kind), new("result", passed ? "pass" : "fail"));
        _probeDuration.Record(took.TotalSeconds, new KeyValuePair<string, object?>("kind", kind));
    }

    public void Pushed(TimeSpan took) => _pushDuration.Record(took.TotalSeconds);

    public void BlockingQueryStarted() => _blockingQueries.Add(1);

    public void BlockingQueryEnded() => _blockingQueries.Add(-1);

    public void Selected(LoadBalancingStrategy strategy, bool picked) =>
        _selections.Add(1, new("strategy", strategy.ToWireName()), new("result", picked ? "picked" : "none"));

    private static KeyValuePair<string, object?> Namespace(string ns) => new("namespace", ns);
}
