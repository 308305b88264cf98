using System.Diagnostics;
using System.Text.RegularExpressions;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Hosting;

/// <summary>docker-compose.yml cannot run here (no Docker engine); check what can be checked.</summary>
public sealed partial class DeploymentFileTests
{
    private static readonly string ComposeFile = Path.Combine(RepositoryPaths.Root, "docker-compose.yml");

    [Fact]
    public async Task ComposeFile_DockerComposeConfig_Accepts()
    {
        var info = new ProcessStartInfo("docker-compose", ["-f", ComposeFile, "config", "--quiet"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(info)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, $"docker-compose config failed: {error}");
    }

    [Fact]
    public void ComposeFile_EverySiloEnvironmentKey_IsReadByTheSilo()
    {
        var keys = EnvironmentKey().Matches(File.ReadAllText(ComposeFile))
            .Select(match => match.Groups["key"].Value)
            .Where(key => !key.StartsWith("Registry__Gateways", StringComparison.Ordinal))
            .Distinct()
            .ToArray();

        Assert.NotEmpty(keys);
        var unknown = keys.Select(key => key == "ASPNETCORE_URLS" ? "urls" : key.Replace("__", ":", StringComparison.Ordinal))
            .Where(key => !OperatorKeys.IsKnown(key))
            .ToArray();
        Assert.True(unknown.Length == 0, $"docker-compose.yml sets keys the silo does not read: {string.Join(", ", unknown)}");
    }

    [Fact]
    public void Readme_ConfigurationTable_ListsEveryKey()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));

        var missing = OperatorKeys.All.Where(key => !readme.Contains($"`{key}`", StringComparison.Ordinal)).ToArray();

        Assert.True(missing.Length == 0, $"README does not document: {string.Join(", ", missing)}");
    }

    // Environment entries are the keys that contain "__" (Section__Key) or ASP.NET's URL variable.
    [GeneratedRegex(@"^\s+(?<key>[A-Za-z][A-Za-z0-9]*__[A-Za-z0-9_]+|ASPNETCORE_URLS):", RegexOptions.Multiline)]
    private static partial Regex EnvironmentKey();
}
