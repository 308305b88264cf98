namespace OrleansRegistry.Silo.Http;

/// <summary><c>GET /services/{name}/history</c>: the service's instance counts over the last minutes, as this silo saw them.</summary>
/// <param name="Service">The service's name.</param>
/// <param name="IntervalSeconds">Seconds between samples of an unchanged service (a change is sampled at once).</param>
/// <param name="WindowSeconds">How far back the samples reach at most.</param>
/// <param name="Samples">Oldest first; the last one is the silo's copy at the time of the answer. Empty for an unknown service.</param>
public sealed record ServiceHistoryDocument(string Service, int IntervalSeconds, int WindowSeconds, List<HistorySampleDocument> Samples);

/// <summary>One sample: how many of the service's instances were healthy, of how many.</summary>
public sealed record HistorySampleDocument(DateTimeOffset At, int Healthy, int Total);
