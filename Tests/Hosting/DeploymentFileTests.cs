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

    [Fact]
    public void Prometheus_ScrapeConfig_ScrapesEverySilosMetrics()
    {
        var compose = File.ReadAllText(ComposeFile);
        var prometheus = File.ReadAllText(PrometheusConfig);
        var silos = SiloService().Matches(compose).Select(match => match.Groups["name"].Value).ToArray();

        Assert.Equal(["silo1", "silo2", "silo3"], silos);
        Assert.Contains("metrics_path: /metrics", prometheus, StringComparison.Ordinal);
        Assert.All(silos, silo => Assert.Contains($"\"{silo}:8080\"", prometheus, StringComparison.Ordinal));
        Assert.Contains("./deploy/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro", compose, StringComparison.Ordinal);
        Assert.Contains("\"9090:9090\"", compose, StringComparison.Ordinal);
    }

    [Fact]
    public void Grafana_Provisioning_PointsTheDashboardAtTheComposePrometheus()
    {
        var compose = File.ReadAllText(ComposeFile);
        var datasource = File.ReadAllText(Path.Combine(GrafanaDirectory, "provisioning", "datasources", "prometheus.yml"));
        var provider = File.ReadAllText(Path.Combine(GrafanaDirectory, "provisioning", "dashboards", "registry.yml"));

        Assert.Contains("./deploy/grafana/provisioning:/etc/grafana/provisioning:ro", compose, StringComparison.Ordinal);
        Assert.Contains("./deploy/grafana/dashboards:/etc/grafana/dashboards:ro", compose, StringComparison.Ordinal);
        Assert.Contains("path: /etc/grafana/dashboards", provider, StringComparison.Ordinal);
        Assert.Contains("url: http://prometheus:9090", datasource, StringComparison.Ordinal);
        Assert.Contains("uid: prometheus", datasource, StringComparison.Ordinal);
        Assert.All(GrafanaDashboard.Panels(), panel => Assert.Equal("prometheus", panel.DatasourceUid));
    }

    [Fact]
    public void Grafana_Dashboard_CoversWhatAnOperatorWatches()
    {
        var queried = GrafanaDashboard.Panels().SelectMany(panel => panel.Expressions).SelectMany(GrafanaDashboard.MetricNames).ToHashSet(StringComparer.Ordinal);

        Assert.Subset(queried, new HashSet<string>(StringComparer.Ordinal)
        {
            "registry_instances",
            "registry_registrations_total",
            "registry_deregistrations_total",
            "registry_probes_total",
            "registry_probe_duration_seconds_bucket",
            "registry_change_push_duration_seconds_bucket",
            "registry_blocking_queries",
        });
    }

    [Theory]
    [InlineData("sum by (kind) (rate(registry_probe_duration_seconds_sum[5m])) / sum by (kind) (rate(registry_probe_duration_seconds_count[5m]))", "registry_probe_duration_seconds_sum registry_probe_duration_seconds_count")]
    [InlineData("histogram_quantile(0.95, sum by (le, http_route) (rate(http_server_request_duration_seconds_bucket[5m])))", "http_server_request_duration_seconds_bucket")]
    [InlineData("sum by (reason) (increase(registry_deregistrations_total{reason=~\"evicted|ttl\"}[1m]))", "registry_deregistrations_total")]
    [InlineData("sum(registry_instances{status=\"healthy\"}) * 60", "registry_instances")]
    public void MetricNames_PromQl_FindsOnlyTheSeries(string expression, string expected)
    {
        Assert.Equal(expected.Split(' '), GrafanaDashboard.MetricNames(expression));
    }

    private static string PrometheusConfig => Path.Combine(RepositoryPaths.Root, "deploy", "prometheus", "prometheus.yml");

    private static string GrafanaDirectory => Path.Combine(RepositoryPaths.Root, "deploy", "grafana");

    [GeneratedRegex(@"^  (?<name>silo\d+):\s*$", RegexOptions.Multiline)]
    private static partial Regex SiloService();

    // Environment entries are the keys that contain "__" (Section__Key) or ASP.NET's URL variable.
    [GeneratedRegex(@"^\s+(?<key>[A-Za-z][A-Za-z0-9]*__[A-Za-z0-9_]+|ASPNETCORE_URLS):", RegexOptions.Multiline)]
    private static partial Regex EnvironmentKey();
}
