using System.Reflection;

namespace OrleansRegistry.Benchmarks.Support;

/// <summary>Where the silo program and the pinned Azurite are, recorded at build time.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = Metadata("RepositoryRoot");

    /// <summary>The silo built in the same configuration as the benchmarks (the project builds it).</summary>
    public static string SiloDll { get; } = Metadata("SiloPath");

    public static string AzuriteScript => Path.Combine(Root, "node_modules", "azurite", "dist", "src", "azurite.js");

    /// <summary>This program's own assembly, to start a copy of it as a baseline server.</summary>
    public static string BenchmarkDll => typeof(RepositoryPaths).Assembly.Location;

    private static string Metadata(string key) =>
        typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"assembly metadata {key} is missing");
}
