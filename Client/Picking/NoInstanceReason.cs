namespace OrleansRegistry.Client.Picking;

public enum NoInstanceReason
{
    /// <summary>The registry lists no healthy instance of the service.</summary>
    NoneSelectable = 0,

    /// <summary>Every healthy instance has an open circuit breaker in this client.</summary>
    AllCircuitsOpen = 1,
}
