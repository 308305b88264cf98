using System.Reflection;
using Npgsql;

namespace OrleansRegistry.Silo.Hosting;

/// <summary>
/// Creates Orleans' PostgreSQL tables and queries (the upstream scripts in <c>Hosting/PostgreSql/</c>)
/// before anything in the silo reads them, for each part whose table is absent. Silos starting
/// together take a transaction-scoped advisory lock, so exactly one of them creates each part;
/// on an existing database it only looks.
/// </summary>
internal sealed partial class PostgreSqlSchema(string connectionString, ILogger<PostgreSqlSchema> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>An arbitrary constant shared by every silo of every version: the lock's identity.</summary>
    private const long SchemaLockKey = 0x4f524547_53514c31;

    /// <summary>Main first (it creates OrleansQuery, which the others insert into), each with the table that shows it was applied.</summary>
    private static readonly (string Script, string Table)[] Parts =
    [
        ("PostgreSQL-Main.sql", "orleansquery"),
        ("PostgreSQL-Clustering.sql", "orleansmembershiptable"),
        ("PostgreSQL-Persistence.sql", "orleansstorage"),
        ("PostgreSQL-Reminders.sql", "orleansreminderstable"),
    ];

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(PostgreSqlSchema), ServiceLifecycleStage.First, ApplyAsync);

    public async Task ApplyAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("key", SchemaLockKey);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var (script, table) in Parts)
        {
            await using var exists = new NpgsqlCommand("SELECT to_regclass(@table) IS NOT NULL", connection, transaction);
            exists.Parameters.AddWithValue("table", table);
            if ((bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
            {
                continue;
            }

            await using var apply = new NpgsqlCommand(ReadScript(script), connection, transaction);
            await apply.ExecuteNonQueryAsync(cancellationToken);
            LogApplied(logger, script);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static string ReadScript(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"OrleansRegistry.Silo.PostgreSql.{name}")
            ?? throw new InvalidOperationException($"The PostgreSQL script {name} is not embedded in the silo assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
