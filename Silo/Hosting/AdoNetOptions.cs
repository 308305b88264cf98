namespace OrleansRegistry.Silo.Hosting;

/// <summary>The <c>Registry:AdoNet:*</c> keys.</summary>
public sealed class AdoNetOptions
{
    /// <summary>The ADO.NET provider the registry uses: PostgreSQL's.</summary>
    public const string Invariant = "Npgsql";

    /// <summary>An Npgsql connection string; no default, because a database has no safe guess.</summary>
    public string? ConnectionString { get; set; }
}
