using System.Globalization;
using OrleansRegistry.Benchmarks.Support;

namespace OrleansRegistry.Benchmarks.Http;

/// <summary>A baseline server (a subcommand of this program) in its own process on a free loopback port.</summary>
internal sealed class BareServerProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private BareServerProcess(ChildProcess process, int port)
    {
        _process = process;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
    }

    public int Port { get; }

    public Uri BaseAddress { get; }

    /// <summary>The process id, to read its CPU time.</summary>
    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output => _process.Output;

    /// <summary>Starts <c>command port arguments...</c>; the caller checks when it answers (a UDP server has no TCP port to watch).</summary>
    public static Task<BareServerProcess> StartWithoutListeningCheckAsync(string command, params IEnumerable<string> arguments)
    {
        var port = FreePorts.Next();
        var process = ChildProcess.Start("dotnet", [RepositoryPaths.BenchmarkDll, command, port.ToString(CultureInfo.InvariantCulture), .. arguments]);
        return Task.FromResult(new BareServerProcess(process, port));
    }

    /// <summary>Starts <c>command port arguments...</c> and returns once it listens.</summary>
    public static async Task<BareServerProcess> StartAsync(string command, params IEnumerable<string> arguments)
    {
        var server = await StartWithoutListeningCheckAsync(command, arguments);
        var (process, port) = (server._process, server.Port);
        try
        {
            await Eventually.TrueAsync(() => Task.FromResult(FreePorts.IsListening(port) || process.HasExited), TimeSpan.FromSeconds(30), $"the {command} baseline to listen");
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the {command} baseline exited:\n{process.Output}");
            }
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
