using System.Globalization;

namespace OrleansRegistry.TestSupport;

/// <summary>
/// A private PostgreSQL cluster (Debian package postgresql) in a temporary folder, listening on a
/// free loopback port, with an empty database for the registry. Durability is off (fsync and
/// synchronous commit): a test's data need not survive a power cut. As root it runs as the
/// <c>postgres</c> user, because PostgreSQL refuses to run as root.
/// </summary>
public sealed class PostgresProcess : IAsyncDisposable
{
    private const string SuperUser = "postgres";
    private const string Database = "orleans";

    private readonly string _directory = Directory.CreateTempSubdirectory("postgres-").FullName;
    private readonly string _binaries;
    private readonly bool _asRoot = Environment.UserName == "root";
    private ChildProcess? _server;

    private PostgresProcess(string binaries)
    {
        _binaries = binaries;
    }

    public int Port { get; } = FreePorts.Next();

    /// <summary>An Npgsql connection string for the registry's database.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username={SuperUser};Database={Database}";

    public static async Task<PostgresProcess> StartNewAsync()
    {
        var binaries = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(version => Path.Combine(version, "bin")).Where(bin => File.Exists(Path.Combine(bin, "postgres"))).Order().LastOrDefault()
            : null;
        if (binaries is null)
        {
            throw new InvalidOperationException("PostgreSQL is not installed (Debian package postgresql; scripts/install-test-tools.sh installs it)");
        }

        var postgres = new PostgresProcess(binaries);
        try
        {
            await postgres.StartAsync();
        }
        catch
        {
            await postgres.DisposeAsync();
            throw;
        }

        return postgres;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
            _server = null;
        }

        TemporaryDirectories.DeleteQuietly(_directory);
    }

    private async Task StartAsync()
    {
        var data = Path.Combine(_directory, "data");
        if (_asRoot)
        {
            await RunAsync("chown", [$"{SuperUser}:{SuperUser}", _directory]);
        }

        await RunAsync(Path.Combine(_binaries, "initdb"), ["-D", data, "-U", SuperUser, "-A", "trust", "-E", "UTF8", "--no-sync"], asServerUser: true);
        var server = Start(Path.Combine(_binaries, "postgres"), [
            "-D", data,
            "-p", Port.ToString(CultureInfo.InvariantCulture),
            "-k", _directory,
            "-c", "listen_addresses=127.0.0.1",
            "-c", "fsync=off",
            "-c", "synchronous_commit=off",
            "-c", "full_page_writes=off",
        ]);
        _server = server;

        // Accepting connections is not yet accepting queries ("the database system is starting up"): retry the first one.
        await Eventually.TrueAsync(
            async () =>
            {
                if (server.HasExited)
                {
                    throw new InvalidOperationException($"postgres exited at start:\n{server.Output}");
                }

                return FreePorts.IsListening(Port) && await TryRunAsync("psql", ["-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", SuperUser, "-q", "-c", $"CREATE DATABASE {Database}"]);
            },
            TimeSpan.FromSeconds(30),
            "PostgreSQL to accept a connection and create the registry's database");
    }

    private ChildProcess Start(string program, IEnumerable<string> arguments) =>
        _asRoot
            ? ChildProcess.Start("runuser", ["-u", SuperUser, "--", program, .. arguments], _directory)
            : ChildProcess.Start(program, arguments, _directory);

    private async Task RunAsync(string program, IEnumerable<string> arguments, bool asServerUser = false)
    {
        await using var process = asServerUser ? Start(program, arguments) : ChildProcess.Start(program, arguments, _directory);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(deadline.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({process.ExitCode}):\n{process.Output}");
        }
    }

    private async Task<bool> TryRunAsync(string program, IEnumerable<string> arguments)
    {
        await using var process = ChildProcess.Start(program, arguments, _directory);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await process.WaitForExitAsync(deadline.Token);
        return process.ExitCode == 0;
    }
}
