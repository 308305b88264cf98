using System.Text.RegularExpressions;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Hosting;

/// <summary>
/// deploy/kubernetes cannot be applied here (no cluster): each manifest is checked offline against
/// the Kubernetes schema by scripts/validate-kubernetes.mjs (kubernetes-models and kubernetes-types, from npm).
/// </summary>
public sealed partial class KubernetesManifestTests
{
    private static readonly string Manifests = Path.Combine(RepositoryPaths.Root, "deploy", "kubernetes");

    [Fact]
    public async Task Validate_ShippedManifests_EveryDocumentPasses()
    {
        var (exitCode, output) = await ValidateAsync(Manifests);

        Assert.True(exitCode == 0, $"the manifests fail validation:\n{output}");
        Assert.Matches(@"\b1\d passed, 0 failed", output);
    }

    [Fact]
    public async Task Validate_WrongTypeUnknownFieldAndUnlistedFile_EachReported()
    {
        var copy = Directory.CreateTempSubdirectory("k8s-broken-").FullName;
        try
        {
            CopyDirectory(Manifests, copy);
            Replace(Path.Combine(copy, "base", "silo-deployment.yaml"), "replicas: 3", "replicas: three");
            Replace(Path.Combine(copy, "base", "role.yaml"), "verbs:", "verb:");
            Replace(Path.Combine(copy, "base", "kustomization.yaml"), "  - poddisruptionbudget.yaml\n", string.Empty);

            var (exitCode, output) = await ValidateAsync(copy);

            Assert.Equal(1, exitCode);
            Assert.Contains("replicas must be integer", output, StringComparison.Ordinal);
            Assert.Contains("'\"verb\"' does not exist", output, StringComparison.Ordinal);
            Assert.Contains("poddisruptionbudget.yaml: not listed", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [Fact]
    public void Manifests_EverySiloEnvironmentKey_IsReadByTheSilo()
    {
        var keys = Directory.GetFiles(Manifests, "*.yaml", SearchOption.AllDirectories)
            .SelectMany(file => EnvironmentKey().Matches(File.ReadAllText(file)).Select(match => match.Groups["key"].Value))
            .Distinct()
            .ToArray();

        Assert.Contains("Registry__Dns__Address", keys);
        var unknown = keys.Select(key => key.Replace("__", ":", StringComparison.Ordinal)).Where(key => !OperatorKeys.IsKnown(key)).ToArray();
        Assert.True(unknown.Length == 0, $"deploy/kubernetes sets keys the silo does not read: {string.Join(", ", unknown)}");
    }

    private static async Task<(int ExitCode, string Output)> ValidateAsync(string directory)
    {
        await using var process = ChildProcess.Start("node", [Path.Combine(RepositoryPaths.Root, "scripts", "validate-kubernetes.mjs"), directory], RepositoryPaths.Root);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(deadline.Token);
        return (process.ExitCode, process.Output);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static void Replace(string file, string oldText, string newText)
    {
        var text = File.ReadAllText(file);
        Assert.Contains(oldText, text, StringComparison.Ordinal);
        File.WriteAllText(file, text.Replace(oldText, newText, StringComparison.Ordinal));
    }

    // An env entry's name, or a ConfigMap data key, in the Section__Key form.
    [GeneratedRegex(@"(?:-\s+name:\s+|^\s+)(?<key>[A-Za-z][A-Za-z0-9]*__[A-Za-z0-9_]+)", RegexOptions.Multiline)]
    private static partial Regex EnvironmentKey();
}
