using System.Globalization;

namespace OrleansRegistry.TestSupport;

/// <summary>
/// A private Debian <c>redis-server</c> on a free loopback port, in memory (no snapshots, no
/// append-only file), working in a temporary folder that is deleted with it.
/// </summary>
public sealed class RedisProcess : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("redis-").FullName;
    private ChildProcess? _process;

    private RedisProcess()
    {
    }

    public int Port { get; } = FreePorts.Next();

    /// <summary>A StackExchange.Redis configuration string for this server.</summary>
    public string ConnectionString => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    public static async Task<RedisProcess> StartNewAsync()
    {
        var redis = new RedisProcess();
        try
        {
            var process = ChildProcess.Start("redis-server", [
                "--port", redis.Port.ToString(CultureInfo.InvariantCulture),
                "--bind", "127.0.0.1",
                "--save", string.Empty,
                "--appendonly", "no",
                "--daemonize", "no",
                "--dir", redis._directory,
            ]);
            redis._process = process;
            await Eventually.TrueAsync(
                () => FreePorts.IsListening(redis.Port) || process.HasExited,
                TimeSpan.FromSeconds(30),
                "redis-server to listen on its port");
            if (process.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited at start:\n{process.Output}");
            }
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            await redis.DisposeAsync();
            throw new InvalidOperationException("redis-server is not installed (Debian package redis-server; scripts/install-test-tools.sh installs it)", exception);
        }
        catch
        {
            await redis.DisposeAsync();
            throw;
        }

        return redis;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
            _process = null;
        }

        TemporaryDirectories.DeleteQuietly(_directory);
    }
}
