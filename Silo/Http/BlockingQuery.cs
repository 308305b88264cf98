namespace OrleansRegistry.Silo.Http;

/// <summary>Answer when the service's change index is above <paramref name="Index"/>, or after <paramref name="Wait"/> (plus jitter).</summary>
public sealed record BlockingQuery(long Index, TimeSpan Wait);
