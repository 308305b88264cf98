using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using OrleansRegistry.Silo.Hosting;

namespace OrleansRegistry.Tests.Backends;

/// <summary>Orleans' PostgreSQL schema applied by silos themselves, on a real PostgreSQL.</summary>
public sealed class PostgreSqlSchemaTests
{
    [Fact]
    public async Task ApplyAsync_ThreeSilosAtOnceThenAgain_CreatesEachPartOnce()
    {
        await using var postgres = await PostgresProcess.StartNewAsync();
        var schema = new PostgreSqlSchema(postgres.ConnectionString, NullLogger<PostgreSqlSchema>.Instance);

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => schema.ApplyAsync(CancellationToken.None)));
        var queries = await CountAsync(postgres, "SELECT count(*) FROM orleansquery");
        await schema.ApplyAsync(CancellationToken.None);

        Assert.Equal(queries, await CountAsync(postgres, "SELECT count(*) FROM orleansquery"));
        Assert.Equal(1, await CountAsync(postgres, "SELECT count(*) FROM orleansquery WHERE querykey = 'CleanupDefunctSiloEntriesKey'"));
        Assert.Equal(5, await CountAsync(postgres, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"));
    }

    private static async Task<long> CountAsync(PostgresProcess postgres, string query)
    {
        await using var connection = new NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(query, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
