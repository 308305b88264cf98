using System.Globalization;
using BenchmarkDotNet.Reports;
using OrleansRegistry.Benchmarks.Cli;
using OrleansRegistry.Benchmarks.Report;
using OrleansRegistry.Benchmarks.Support;
using OrleansRegistry.Model;

namespace OrleansRegistry.Benchmarks.Strategies;

/// <summary>
/// Figure 8: each strategy's pick with BenchmarkDotNet (in-process toolchain, so no project is
/// generated and built): mean time and bytes allocated per pick at 3, 100 and 10k instances.
/// </summary>
internal sealed class StrategyBenchmark : IFigureBenchmark
{
    private const double RoundRobinTargetNanoseconds = 50;
    private const double WeightedTargetNanoseconds = 1000;

    public string Name => "strategies";

    public string Figures => "8";

    public Task<IReadOnlyList<FigureRow>> RunAsync(RunSettings settings)
    {
        var summary = BenchmarkDotNetRun.Run<StrategyPickBenchmarks>(settings);
        return Task.FromResult<IReadOnlyList<FigureRow>>(Rows(summary, settings));
    }

    private static List<FigureRow> Rows(Summary summary, RunSettings settings)
    {
        var rows = new List<FigureRow>();
        foreach (var strategy in Enum.GetValues<LoadBalancingStrategy>())
        {
            var cells = new List<string>();
            var allocates = false;
            var failed = false;
            double? roundRobinAt100 = null;
            double? weightedAt10000 = null;
            foreach (var report in summary.Reports.Where(r => Equals(r.BenchmarkCase.Parameters["Strategy"], strategy)).OrderBy(r => (int)r.BenchmarkCase.Parameters["Instances"]))
            {
                var instances = (int)report.BenchmarkCase.Parameters["Instances"];
                if (report.ResultStatistics is not { } statistics)
                {
                    failed = true;
                    cells.Add($"{Format.Number(instances)}: no result");
                    continue;
                }

                var bytes = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? 0;
                allocates |= bytes > 0;
                if (strategy == LoadBalancingStrategy.RoundRobin && instances == 100)
                {
                    roundRobinAt100 = statistics.Mean;
                }

                if (strategy == LoadBalancingStrategy.WeightedRoundRobin && instances == 10_000)
                {
                    weightedAt10000 = statistics.Mean;
                }

                cells.Add($"{Format.Number(instances)}: {Format.Nanoseconds(statistics.Mean)}, {bytes.ToString(CultureInfo.InvariantCulture)} B");
            }

            var isRoundRobin = strategy == LoadBalancingStrategy.RoundRobin;
            var isWeighted = strategy == LoadBalancingStrategy.WeightedRoundRobin;
            var met = !allocates
                && (!isRoundRobin || roundRobinAt100 < RoundRobinTargetNanoseconds)
                && (!isWeighted || weightedAt10000 <= WeightedTargetNanoseconds);
            rows.Add(new FigureRow(
                "8",
                $"{strategy.ToWireName()} pick (BenchmarkDotNet)",
                string.Join("; ", cells),
                "–",
                "–",
                isRoundRobin ? "0 B; < 50 ns at 100" : isWeighted ? "0 B; ≤ 1 µs at 10000" : "0 B",
                failed || cells.Count == 0 ? Verdict.Failed : settings.Judge(met),
                strategy == LoadBalancingStrategy.LeastConnections ? "pick + release of the lease" : string.Empty));
        }

        return rows;
    }
}
