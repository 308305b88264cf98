using OrleansRegistry.Benchmarks.Report;

namespace OrleansRegistry.Benchmarks.Cli;

/// <summary>One subcommand: measures one or more figures of the table.</summary>
internal interface IFigureBenchmark
{
    /// <summary>The subcommand name.</summary>
    string Name { get; }

    /// <summary>The figure numbers it measures, for the usage text.</summary>
    string Figures { get; }

    Task<IReadOnlyList<FigureRow>> RunAsync(RunSettings settings);
}
