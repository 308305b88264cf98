using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using OrleansRegistry.Client.Calls;
using OrleansRegistry.Client.Options;
using OrleansRegistry.Client.Picking;
using OrleansRegistry.Grains;
using OrleansRegistry.Model;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;
using Polly.Timeout;

namespace OrleansRegistry.Tests.Client.Calls;

[Collection(RegistryClientCollection.Name)]
public sealed class ServiceClientTests(RegistryHttpFixture fixture) : IAsyncLifetime
{
    private readonly HttpBackends _backends = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _backends.StopAllAsync();

    [Theory]
    [MemberData(nameof(ClientTransports.Both), MemberType = typeof(ClientTransports))]
    public async Task SendAsync_OneInstanceAnswers503_RetryLandsOnTheOther(ClientTransport transport)
    {
        var (name, failing, healthy) = await TwoBackendsAsync("retry-503");
        failing.FailWith = HttpStatusCode.ServiceUnavailable;
        await using var host = RegistryClientHost.Create(fixture, transport, FastRetries);

        var responses = new List<ServiceResponse>();
        for (var i = 0; i < 6; i++)
        {
            responses.Add(await host.Client.SendAsync(new ServiceRequest(name, HttpMethod.Get, "/whoami")));
        }

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        Assert.All(responses, response => Assert.Equal(healthy.Name, response.Instance.Id));
        Assert.True(failing.Hits > 0, "round robin should have sent some first attempts to the failing instance");
        Assert.Equal(failing.Hits, responses.Count(response => response.Attempt == 2));
    }

    [Theory]
    [MemberData(nameof(ClientTransports.Both), MemberType = typeof(ClientTransports))]
    public async Task SendAsync_InstanceNotListening_PostRetriedOnAnotherInstance(ClientTransport transport)
    {
        var name = Instances.UniqueService("retry-refused");
        var healthy = await StartBackendAsync("up");
        var service = fixture.GrainFactory.GetGrain<IServiceGrain>(name);
        await service.RegisterAsync(healthy.AsInstance(name));
        await service.RegisterAsync(Instances.Create(name, "gone", FreePorts.Next()));
        await using var host = RegistryClientHost.Create(fixture, transport, FastRetries);

        for (var i = 0; i < 4; i++)
        {
            var response = await host.Client.SendAsync(new ServiceRequest(name, HttpMethod.Post, "/echo") { Body = Encoding.UTF8.GetBytes($"{{\"n\":{i}}}") });

            // A refused connection never reached an instance, so even a POST is safe to send again.
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("up", response.Instance.Id);
            Assert.Equal($"{{\"n\":{i}}}", response.ReadText());
        }
    }

    [Theory]
    [MemberData(nameof(ClientTransports.Both), MemberType = typeof(ClientTransports))]
    public async Task SendAsync_Post503_NotRetried(ClientTransport transport)
    {
        var name = Instances.UniqueService("no-retry-post");
        var failing = await StartBackendAsync("only");
        failing.FailWith = HttpStatusCode.ServiceUnavailable;
        await fixture.GrainFactory.GetGrain<IServiceGrain>(name).RegisterAsync(failing.AsInstance(name));
        await using var host = RegistryClientHost.Create(fixture, transport, FastRetries);

        var post = await host.Client.SendAsync(new ServiceRequest(name, HttpMethod.Post, "/echo") { Body = Encoding.UTF8.GetBytes("{}") });
        var get = await host.Client.SendAsync(new ServiceRequest(name, HttpMethod.Get, "/whoami"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, post.StatusCode);
        Assert.Equal(1, post.Attempt);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, get.StatusCode);
        Assert.Equal(4, get.Attempt);
    }

    [Theory]
    [MemberData(nameof(ClientTransports.Both), MemberType = typeof(ClientTransports))]
    public async Task SendAsync_InstanceKeepsFailing_BreakerOpensAndInstanceIsSkipped(ClientTransport transport)
    {
        var (name, failing, healthy) = await TwoBackendsAsync("breaker-open");
        failing.FailWith = HttpStatusCode.InternalServerError;
        await using var host = RegistryClientHost.Create(fixture, transport, options =>
        {
            FastRetries(options);
            options.Resilience.BreakerMinimumThroughput = 2;
            options.Resilience.BreakerFailureRatio = 0.5;
            options.Resilience.BreakerBreakDuration = TimeSpan.FromMinutes(5);
        });
        var failingAuthority = $"127.0.0.1:{failing.Port}";

        await Eventually.TrueAsync(
            async () =>
            {
                await host.Client.SendAsync(new ServiceRequest(name, HttpMethod.Get, "/whoami"));
                return host.Breakers.OpenAuthorities.Contains(failingAuthority);
            },
            TimeSpan.FromSeconds(10),
            "the failing instance's breaker to open");
        var hitsWhenOpened = failing.Hits;

        for (var i = 0; i < 10; i++)
        {
            var response = await host.Client.SendAsync(new ServiceRequest(name, HttpMethod.Get, "/whoami"));
            Assert.Equal(healthy.Name, response.Instance.Id);
            Assert.Equal(1, response.Attempt);
        }

        Assert.Equal(hitsWhenOpened, failing.Hits);
        Assert.DoesNotContain($"127.0.0.1:{healthy.Port}", host.Breakers.OpenAuthorities);
    }

    [Theory]
    [MemberData(nameof(ClientTransports.Both), MemberType = typeof(ClientTransports))]
    public async Task SendAsync_BreakDurationOver_InstanceTriedAgainAndBreakerCloses(ClientTransport transport)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var (name, flaky, _) = await TwoBackendsAsync("breaker-heal");
        flaky.FailWith = HttpStatusCode.InternalServerError;
        await using var host = RegistryClientHost.Create(fixture, transport,
            options =>
            {
                options.Resilience.RetryBaseDelay = TimeSpan.Zero;
                options.Resilience.RetryMaxDelay = TimeSpan.Zero;
                options.Resilience.BreakerMinimumThroughput = 2;
                options.Resilience.BreakerBreakDuration = TimeSpan.FromSeconds(30);
            },
            time);
        var flakyAuthority = $"127.0.0.1:{flaky.Port}";
        for (var i = 0; i < 20 && !host.Breakers.OpenAuthorities.Contains(flakyAuthority); i++)
        {
            await host.Client.SendAsync(new ServiceRequest(name, HttpMethod.Get, "/whoami"));
        }

        Assert.Contains(flakyAuthority, host.Breakers.OpenAuthorities);

        flaky.FailWith = null;
        var hitsWhileOpen = flaky.Hits;
        await host.Client.SendAsync(new ServiceRequest(name, HttpMethod.Get, "/whoami"));
        Assert.Equal(hitsWhileOpen, flaky.Hits);

        time.Advance(TimeSpan.FromSeconds(31));
        var served = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            served.Add((await host.Client.SendAsync(new ServiceRequest(name, HttpMethod.Get, "/whoami"))).Instance.Id);
        }

        Assert.Contains(flaky.Name, served);
        Assert.Empty(host.Breakers.OpenAuthorities);
    }

    [Theory]
    [MemberData(nameof(ClientTransports.Both), MemberType = typeof(ClientTransports))]
    public async Task SendAsync_TotalTimeoutRunsOut_ThrowsTimeoutRejectedAndReleasesLease(ClientTransport transport)
    {
        var name = Instances.UniqueService("timeout");
        var slow = await StartBackendAsync("slow");
        slow.Delay = TimeSpan.FromSeconds(30);
        await fixture.GrainFactory.GetGrain<IServiceGrain>(name).RegisterAsync(slow.AsInstance(name));
        await using var host = RegistryClientHost.Create(fixture, transport, options =>
        {
            FastRetries(options);
            options.Strategy = LoadBalancingStrategy.LeastConnections;
            options.Resilience.TotalTimeout = TimeSpan.FromMilliseconds(500);
            options.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(200);
        });
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAsync<TimeoutRejectedException>(() => host.Client.SendAsync(new ServiceRequest(name, HttpMethod.Get, "/whoami")));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"the call took {clock.Elapsed}");
        Assert.Equal(0, host.Selector.OpenLeases);
        Assert.True(host.Cache.TryGetEntry(name, out var entry));
        Assert.Equal(0, entry.OpenLeaseCount);
    }

    [Theory]
    [MemberData(nameof(ClientTransports.BothWithEachSelection), MemberType = typeof(ClientTransports))]
    public async Task SendAsync_CancellationsAndFailures_LeasesNeverLeak(ClientTransport transport, SelectionMode mode)
    {
        var name = Instances.UniqueService("leases");
        var slow = await StartBackendAsync("slow");
        slow.Delay = TimeSpan.FromMilliseconds(150);
        var failing = await StartBackendAsync("failing");
        failing.FailWith = HttpStatusCode.BadGateway;
        var fine = await StartBackendAsync("fine");
        var service = fixture.GrainFactory.GetGrain<IServiceGrain>(name);
        foreach (var backend in new[] { slow, failing, fine })
        {
            await service.RegisterAsync(backend.AsInstance(name));
        }

        await service.RegisterAsync(Instances.Create(name, "refusing", FreePorts.Next()));
        await using var host = RegistryClientHost.Create(fixture, transport, options =>
        {
            FastRetries(options);
            options.Selection = mode;
            options.Strategy = LoadBalancingStrategy.LeastConnections;
        });
        var random = new Random(7);
        var calls = Enumerable.Range(0, 40).Select(async i =>
        {
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(random.Next(0, 200)));
            try
            {
                var method = i % 3 == 0 ? HttpMethod.Post : HttpMethod.Get;
                var path = method == HttpMethod.Post ? "/echo" : "/whoami";
                await host.Client.SendAsync(new ServiceRequest(name, method, path) { Body = method == HttpMethod.Post ? "{}"u8.ToArray() : null }, cancel.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or HttpRequestException or TimeoutRejectedException or NoInstanceAvailableException)
            {
                // Expected outcomes of the injected failures (breakers of the failing instances may
                // all be open at once); what this test checks is that no path leaks a lease.
            }
        });

        await Task.WhenAll(calls);

        Assert.Equal(0, host.Selector.OpenLeases);
        if (mode == SelectionMode.Local)
        {
            Assert.True(host.Cache.TryGetEntry(name, out var entry));
            Assert.Equal(0, entry.OpenLeaseCount);
        }
        else
        {
            // Selections abandoned by cancelled callers are returned when they arrive.
            await Eventually.TrueAsync(
                () => Task.FromResult(host.Selector.AbandonedSelections == 0),
                TimeSpan.FromSeconds(5),
                "the selections of cancelled calls to arrive and be released");

            // Lease ids count up from 1 per silo; releasing one that were still open would succeed.
            Assert.All([fixture.SiloCache], cache => Assert.DoesNotContain(Enumerable.Range(1, 500), id => cache.ReleaseLease(name, id)));
        }
    }

    [Theory]
    [MemberData(nameof(ClientTransports.Both), MemberType = typeof(ClientTransports))]
    public async Task CallAsync_JsonBody_ReturnsJsonResult(ClientTransport transport)
    {
        var (name, _, _) = await TwoBackendsAsync("call-json");
        await using var host = RegistryClientHost.Create(fixture, transport);
        using var body = JsonDocument.Parse("{\"user\":\"ada\",\"tags\":[1,2]}");

        var result = await host.Client.CallAsync(name, "post", "/echo", body.RootElement);

        Assert.Equal("ada", result!.Value.GetProperty("user").GetString());
        Assert.Equal(2, result.Value.GetProperty("tags").GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(ClientTransports.Both), MemberType = typeof(ClientTransports))]
    public async Task CallAsync_Typed_RoundTripsThroughJson(ClientTransport transport)
    {
        var (name, _, _) = await TwoBackendsAsync("call-typed");
        await using var host = RegistryClientHost.Create(fixture, transport);

        var echoed = await host.Client.CallAsync<Greeting, Greeting>(name, HttpMethod.Put, "/echo", new Greeting("hello", 3));
        var whoami = await host.Client.CallAsync<WhoAmI>(name, HttpMethod.Get, "/whoami");

        Assert.Equal(new Greeting("hello", 3), echoed);
        Assert.StartsWith("call-typed", whoami!.Backend, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ClientTransports.Both), MemberType = typeof(ClientTransports))]
    public async Task CallAsync_NotFound_ThrowsServiceCallExceptionWithResponse(ClientTransport transport)
    {
        var (name, _, _) = await TwoBackendsAsync("call-404");
        await using var host = RegistryClientHost.Create(fixture, transport);

        var error = await Assert.ThrowsAsync<ServiceCallException>(() => host.Client.CallAsync(name, "GET", "/missing"));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal(1, error.Response!.Attempt);
    }

    [Theory]
    [MemberData(nameof(ClientTransports.Both), MemberType = typeof(ClientTransports))]
    public async Task SendAsync_NoHealthyInstance_ThrowsNoInstanceAvailable(ClientTransport transport)
    {
        var name = Instances.UniqueService("none-healthy");
        await fixture.GrainFactory.GetGrain<IServiceGrain>(name).RegisterAsync(Instances.Create(name, "down", status: ServiceStatus.Unhealthy));
        await using var host = RegistryClientHost.Create(fixture, transport);

        var error = await Assert.ThrowsAsync<NoInstanceAvailableException>(() => host.Client.SendAsync(new ServiceRequest(name, HttpMethod.Get, "/whoami")));

        Assert.Equal(NoInstanceReason.NoneSelectable, error.Reason);
        Assert.Equal(0, host.Selector.OpenLeases);
    }

    [Theory]
    [InlineData(ClientTransport.Orleans, "http://elsewhere/x")]
    [InlineData(ClientTransport.Orleans, "//elsewhere/x")]
    [InlineData(ClientTransport.Orleans, "relative")]
    [InlineData(ClientTransport.Http, "http://elsewhere/x")]
    [InlineData(ClientTransport.Http, "//elsewhere/x")]
    [InlineData(ClientTransport.Http, "relative")]
    public async Task SendAsync_PathLeavesInstance_ThrowsArgumentException(ClientTransport transport, string path)
    {
        await using var host = RegistryClientHost.Create(fixture, transport);

        await Assert.ThrowsAsync<ArgumentException>(() => host.Client.SendAsync(new ServiceRequest("svc", HttpMethod.Get, path)));
    }

    [Theory]
    [MemberData(nameof(ClientTransports.Both), MemberType = typeof(ClientTransports))]
    public async Task SendAsync_BalancerMode_PicksThroughRegistryBalancer(ClientTransport transport)
    {
        var (name, first, second) = await TwoBackendsAsync("balancer-mode");
        await using var host = RegistryClientHost.Create(fixture, transport, options => options.Selection = SelectionMode.Balancer);

        var served = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            served.Add((await host.Client.SendAsync(new ServiceRequest(name, HttpMethod.Get, "/whoami"))).Instance.Id);
        }

        Assert.Contains(first.Name, served);
        Assert.Contains(second.Name, served);
    }

    private static void FastRetries(RegistryClientOptions options)
    {
        options.Resilience.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
        options.Resilience.RetryMaxDelay = TimeSpan.FromMilliseconds(20);
    }

    private async Task<(string Name, HttpBackend First, HttpBackend Second)> TwoBackendsAsync(string prefix)
    {
        var name = Instances.UniqueService(prefix);
        var first = await StartBackendAsync($"{prefix}-a");
        var second = await StartBackendAsync($"{prefix}-b");
        var service = fixture.GrainFactory.GetGrain<IServiceGrain>(name);
        await service.RegisterAsync(first.AsInstance(name));
        await service.RegisterAsync(second.AsInstance(name));
        return (name, first, second);
    }

    private Task<HttpBackend> StartBackendAsync(string name) => _backends.StartAsync(name);

    public sealed record Greeting(string Text, int Times);

    public sealed record WhoAmI(string Backend);
}
