using System.Diagnostics;
using System.Globalization;
using System.Text;
using OrleansRegistry.Benchmarks.Client;
using OrleansRegistry.Benchmarks.Cluster;
using OrleansRegistry.Benchmarks.Dns;
using OrleansRegistry.Benchmarks.Health;
using OrleansRegistry.Benchmarks.Http;
using OrleansRegistry.Benchmarks.InProcess;
using OrleansRegistry.Benchmarks.Report;
using OrleansRegistry.Benchmarks.Storage;
using OrleansRegistry.Benchmarks.Strategies;
using OrleansRegistry.Benchmarks.Support;

namespace OrleansRegistry.Benchmarks.Cli;

/// <summary>Parses the command line, runs the chosen benchmarks one after another and prints the table.</summary>
internal static class BenchmarkApp
{
    // The strategies run first: BenchmarkDotNet counts allocations of the whole process, and the
    // figures before them would leave silos, clients and timers allocating in the background.
    private static readonly IFigureBenchmark[] Benchmarks =
    [
        new StrategyBenchmark(),
        new HttpBenchmark(),
        new ClientPickBenchmark(),
        new DurableRegistrationBenchmark(),
        new HeartbeatBenchmark(),
        new MemoryBenchmark(),
        new PropagationBenchmark(),
        new RegistrationStormBenchmark(),
        new WatchFanOutBenchmark(),
        new ScaleOutBenchmark(),
        new ProbeCapacityBenchmark(),
        new DnsBenchmark(),

        // After every other figure on quick mode's shared cluster, which it hangs for a second.
        new HungSiloWriteBenchmark(),
        new StartupLoadBenchmark(),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        switch (args.Length > 0 ? args[0] : string.Empty)
        {
            case BareEndpointServer.Command:
                return await BareEndpointServer.RunAsync(args[1..]);
            case BareWatchServer.Command:
                return await BareWatchServer.RunAsync(args[1..]);
            case ProbeTargetServer.Command:
                return await ProbeTargetServer.RunAsync(args[1..]);
            case BareDnsServer.Command:
                return await BareDnsServer.RunAsync(args[1..]);
            case BenchmarkSiloHost.Command:
                return await BenchmarkSiloHost.RunAsync(args[1..]);
        }

        var quick = args.Contains("--quick");
        string? output = null;
        var names = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    break;
                case "--out" when i + 1 < args.Length:
                    output = args[++i];
                    break;
                case "-h" or "--help" or "help":
                    Console.WriteLine(Usage());
                    return 0;
                default:
                    names.Add(args[i]);
                    break;
            }
        }

        if (names.Count == 0)
        {
            await Console.Error.WriteLineAsync(Usage());
            return 2;
        }

        var chosen = names.Contains("all") ? Benchmarks.ToList() : [];
        foreach (var name in names.Where(n => n != "all"))
        {
            var benchmark = Benchmarks.FirstOrDefault(b => b.Name == name);
            if (benchmark is null)
            {
                await Console.Error.WriteLineAsync($"unknown benchmark '{name}'\n{Usage()}");
                return 2;
            }

            chosen.Add(benchmark);
        }

        await using var processes = new RunProcesses(quick);
        processes.StartSharedClusterEarly();
        return await RunChosenAsync(chosen, new RunSettings(quick, processes), output);
    }

    private static async Task<int> RunChosenAsync(IReadOnlyList<IFigureBenchmark> chosen, RunSettings settings, string? output)
    {
        var started = Stopwatch.GetTimestamp();
        var loadBefore = MachineInfo.LoadAverage();
        var rows = new List<FigureRow>();
        var took = new List<string>();
        foreach (var benchmark in chosen)
        {
            var at = Stopwatch.GetTimestamp();
            await Console.Error.WriteLineAsync($"running {benchmark.Name} (figure {benchmark.Figures}){(settings.Quick ? ", quick" : string.Empty)} ...");
            try
            {
                rows.AddRange(await benchmark.RunAsync(settings));
            }
            catch (Exception exception)
            {
                rows.Add(FigureRow.Failure(benchmark.Figures, benchmark.Name, "–", exception));
                await Console.Error.WriteLineAsync(exception.ToString());
            }

            var seconds = Stopwatch.GetElapsedTime(at).TotalSeconds;
            took.Add(string.Create(CultureInfo.InvariantCulture, $"{benchmark.Name} (figure {benchmark.Figures}) {seconds:0} s"));
            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {benchmark.Name} took {seconds:0.0} s"));
        }

        var report = new StringBuilder();
        report.AppendLine(settings.Quick ? "## Benchmarks (quick mode: short runs, targets not judged)" : "## Benchmarks");
        report.AppendLine();
        report.Append(ResultTable.Render(rows));
        report.AppendLine();
        report.AppendLine("Machine:");
        report.AppendLine();
        report.Append(MachineInfo.Describe().Replace("- load average (1, 5, 15 min): ", $"- load average (1, 5, 15 min) at start: {loadBefore}; at end: ", StringComparison.Ordinal));
        report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"- run took {Stopwatch.GetElapsedTime(started).TotalSeconds:0} s ({string.Join("; ", took)})"));
        Console.WriteLine(report.ToString());
        if (output is not null)
        {
            await File.WriteAllTextAsync(output, report.ToString());
        }

        return rows.Any(row => row.Verdict == Verdict.Failed) ? 1 : 0;
    }

    private static string Usage()
    {
        var text = new StringBuilder();
        text.AppendLine("usage: OrleansRegistry.Benchmarks [--quick] [--out FILE] all | BENCHMARK...");
        text.AppendLine("  --quick     short runs that keep the harness working (targets are not judged)");
        text.AppendLine("  --out FILE  also write the table to FILE");
        foreach (var benchmark in Benchmarks)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {benchmark.Name,-12} figure {benchmark.Figures}");
        }

        return text.ToString();
    }
}
