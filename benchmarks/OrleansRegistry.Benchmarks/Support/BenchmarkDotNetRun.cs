using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using OrleansRegistry.Benchmarks.Cli;
using Perfolizer.Horology;

namespace OrleansRegistry.Benchmarks.Support;

/// <summary>
/// Runs a BenchmarkDotNet class in process (no project is generated and built): 3 warm-up and 10
/// measured iterations of 100 ms with the memory diagnoser, or a dry run in quick mode. A pick takes
/// nanoseconds, so an iteration of 100 ms still holds millions of them.
/// </summary>
internal static class BenchmarkDotNetRun
{
    public static Summary Run<T>(RunSettings settings)
    {
        var artifacts = Directory.CreateTempSubdirectory("bench-bdn-");
        try
        {
            var job = settings.Quick
                ? Job.Dry.WithToolchain(InProcessEmitToolchain.Instance)
                : Job.Default.WithToolchain(InProcessEmitToolchain.Instance)
                    .WithWarmupCount(3)
                    .WithIterationCount(10)
                    .WithIterationTime(TimeInterval.FromMilliseconds(100));
            using var log = new StreamLogger(Path.Combine(artifacts.FullName, "run.log"));
            var config = ManualConfig.CreateEmpty()
                .AddJob(job)
                .AddDiagnoser(MemoryDiagnoser.Default)
                .AddColumnProvider(DefaultConfig.Instance.GetColumnProviders().ToArray())
                .AddLogger(log)
                .WithArtifactsPath(artifacts.FullName)
                .WithOptions(ConfigOptions.DisableOptimizationsValidator | ConfigOptions.DisableLogFile);
            return BenchmarkRunner.Run<T>(config);
        }
        finally
        {
            artifacts.Delete(recursive: true);
        }
    }
}
