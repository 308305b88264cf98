using System.Diagnostics;
using OpenTelemetry.Trace;

namespace OrleansRegistry.Silo.Hosting;

/// <summary>
/// Decides which spans may begin a trace: an HTTP request to the silo, or one of the registry's
/// own operations (a probe round a timer started, say). Orleans reports every grain call on its
/// runtime source, ours and its own alike; its own background calls (membership, reminders,
/// timers, the dashboard's polling) would otherwise start a trace every few seconds. Spans with a
/// parent follow their parent's decision (see <see cref="RegistryTelemetryExtensions"/>).
/// </summary>
internal sealed class RegistryRootSampler : Sampler
{
    private const string AspNetCoreRequest = "Microsoft.AspNetCore.Hosting.HttpRequestIn";

    private static readonly SamplingResult Record = new(SamplingDecision.RecordAndSample);
    private static readonly SamplingResult Drop = new(SamplingDecision.Drop);

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        samplingParameters.Kind == ActivityKind.Internal || samplingParameters.Name == AspNetCoreRequest ? Record : Drop;
}
