using OrleansRegistry.Diagnostics;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Observability;

/// <summary>One registration over HTTP is one trace: the request, the grain call, the storage write and the push.</summary>
public sealed class TracingTests(TracedRegistryHttpFixture fixture) : IClassFixture<TracedRegistryHttpFixture>
{
    [Fact]
    public async Task Register_OverHttp_IsOneTraceFromRequestThroughGrainStoreAndPush()
    {
        var service = Instances.UniqueService("traced");

        // A caller outside the registry: it sends no trace context, so the request starts the trace.
        using var caller = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null }) { BaseAddress = fixture.BaseAddress };
        await caller.RegisterAsync(service, "a1");

        // The request's own span is exported once the answer has been sent.
        var request = await FindAsync(span => span.Kind == System.Diagnostics.ActivityKind.Server
            && span.Source.Name == "Microsoft.AspNetCore"
            && span.GetTagItem("url.path") as string == $"/services/{service}/instances/a1");
        var trace = fixture.Spans.Where(span => span.TraceId == request.TraceId).ToArray();
        var names = string.Join(", ", trace.Select(span => $"{span.Source.Name}:{span.DisplayName}"));

        var grainCall = Assert.Single(trace, span => span.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal) && span.DisplayName.EndsWith("IServiceGrain/RegisterAsync", StringComparison.Ordinal) && span.Kind == System.Diagnostics.ActivityKind.Server);
        var register = Assert.Single(trace, span => span.Source.Name == RegistryTracing.SourceName && span.DisplayName == "register");
        var store = Assert.Single(trace, span => span.Source.Name == RegistryTracing.SourceName && span.DisplayName == "store");
        var push = Assert.Single(trace, span => span.Source.Name == RegistryTracing.SourceName && span.DisplayName == "change push");
        Assert.Contains(trace, span => span.Source.Name == "Microsoft.Orleans.Storage" && IsUnder(span, store, trace));

        // Orleans' own background calls start no trace of their own.
        Assert.DoesNotContain(fixture.Spans, span => span.ParentSpanId == default && span.DisplayName.StartsWith("IMembershipTable", StringComparison.Ordinal));

        Assert.True(IsUnder(grainCall, request, trace), $"the grain call is part of the request: {names}");
        Assert.True(IsUnder(register, grainCall, trace), $"register runs in the grain call: {names}");
        Assert.True(IsUnder(store, register, trace), $"the write is part of the registration: {names}");
        Assert.True(IsUnder(push, register, trace), $"the push is part of the registration: {names}");
    }

    private static bool IsUnder(System.Diagnostics.Activity child, System.Diagnostics.Activity ancestor, IReadOnlyCollection<System.Diagnostics.Activity> trace)
    {
        for (var parent = child.ParentSpanId; parent != default;)
        {
            if (parent == ancestor.SpanId)
            {
                return true;
            }

            parent = trace.FirstOrDefault(span => span.SpanId == parent)?.ParentSpanId ?? default;
        }

        return false;
    }

    private async Task<System.Diagnostics.Activity> FindAsync(Func<System.Diagnostics.Activity, bool> match)
    {
        System.Diagnostics.Activity? found = null;
        await Eventually.TrueAsync(() => (found = fixture.Spans.FirstOrDefault(match)) is not null, TimeSpan.FromSeconds(10), "the request's span to be exported");
        return found!;
    }
}
