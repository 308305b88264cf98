namespace OrleansRegistry.Tests.Support;

/// <summary>The backends one test started, stopped together when the test ends.</summary>
public sealed class HttpBackends
{
    private readonly List<HttpBackend> _started = [];

    public async Task<HttpBackend> StartAsync(string name)
    {
        var backend = await HttpBackend.StartAsync(name);
        _started.Add(backend);
        return backend;
    }

    /// <summary>Stops every backend started so far (from the test's DisposeAsync).</summary>
    public async Task StopAllAsync()
    {
        foreach (var backend in _started)
        {
            await backend.DisposeAsync();
        }

        _started.Clear();
    }
}
