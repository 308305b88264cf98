using OrleansRegistry.Benchmarks.Cli;

return await BenchmarkApp.RunAsync(args);
