namespace OrleansRegistry.Tests.Support;

/// <summary>Where the repository's built programs and tools are, found from the test's own location.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The silo built in the same configuration as the tests (the test project references it).</summary>
    public static string SiloDll => Path.Combine(Root, "Silo", "bin", Configuration, "net10.0", "OrleansRegistry.Silo.dll");

    public static string AzuriteScript => Path.Combine(Root, "node_modules", "azurite", "dist", "src", "azurite.js");

    private static string Configuration =>
        new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent?.Name ?? "Debug";

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OrleansRegistry.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("OrleansRegistry.sln not found above the test output folder");
    }
}
