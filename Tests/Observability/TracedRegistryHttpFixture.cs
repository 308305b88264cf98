using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;
using OrleansRegistry.Silo.Hosting;
using OrleansRegistry.Tests.Fixtures;

namespace OrleansRegistry.Tests.Observability;

/// <summary>The real silo program with tracing on the registry's sources, exported to memory.</summary>
public sealed class TracedRegistryHttpFixture : RegistryHttpFixture
{
    private readonly ConcurrentQueue<Activity> _spans = new();

    /// <summary>Every span the silo has finished so far.</summary>
    public IReadOnlyCollection<Activity> Spans => _spans;

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddOpenTelemetry().WithTracing(tracing => tracing
            .AddRegistrySources()
            .AddProcessor(new SimpleActivityExportProcessor(new QueueExporter(_spans))));

    private sealed class QueueExporter(ConcurrentQueue<Activity> spans) : BaseExporter<Activity>
    {
        public override ExportResult Export(in Batch<Activity> batch)
        {
            foreach (var activity in batch)
            {
                spans.Enqueue(activity);
            }

            return ExportResult.Success;
        }
    }
}
