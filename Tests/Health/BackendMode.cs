namespace OrleansRegistry.Tests.Health;

public enum BackendMode
{
    Pass,
    Fail,
    Slow,
    Redirect,
    EndlessBody,
}
