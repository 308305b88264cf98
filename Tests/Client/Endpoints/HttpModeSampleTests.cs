using OrleansRegistry.Grains;
using OrleansRegistry.TestSupport;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Client.Endpoints;

/// <summary>
/// The HTTP-mode sample (samples/HttpModeClient, README's snippet) run as its own process, which
/// loads no Orleans assembly: <c>http://user-service</c> resolves through the registry's HTTP API.
/// </summary>
[Collection(RegistryClientCollection.Name)]
public sealed class HttpModeSampleTests(RegistryHttpFixture fixture) : IAsyncLifetime
{
    private const string Marker = "http-mode-client";

    private static readonly string SampleFolder = Path.Combine(RepositoryPaths.Root, "samples", "HttpModeClient");

    private readonly HttpBackends _backends = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _backends.StopAllAsync();

    [Fact]
    public async Task Sample_UserServiceRegistered_CallsItThroughTheRegistryWithNoOrleansLoaded()
    {
        var ns = $"sample-{Guid.NewGuid():N}"[..20];
        var backend = await _backends.StartAsync("sample-user-service");
        await fixture.GrainFactory.GetGrain<IServiceGrain>(new ServiceKey(ns, "user-service").GrainKey).RegisterAsync(backend.AsInstance("user-service"));

        var sample = ChildProcess.Start(
            "dotnet",
            [SampleDll(), $"--Registry:Client:Url={fixture.BaseAddress}", $"--Registry:Client:Namespace={ns}", "--Logging:LogLevel:Default=Warning"],
            SampleFolder);
        await using (sample)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await sample.WaitForExitAsync(timeout.Token);

            Assert.True(sample.ExitCode == 0, sample.Output);
            Assert.True(sample.Output.Contains("\"backend\":\"sample-user-service\"", StringComparison.Ordinal), sample.Output);
            Assert.True(sample.Output.Contains("Orleans assemblies loaded: 0", StringComparison.Ordinal), sample.Output);
        }

        // Nor could it load one: no Orleans package is among its dependencies.
        var dependencies = await File.ReadAllTextAsync(Path.ChangeExtension(SampleDll(), ".deps.json"));
        Assert.DoesNotContain("Microsoft.Orleans", dependencies, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readme_HttpModeSnippet_IsTheSamplesCode()
    {
        var program = await File.ReadAllTextAsync(Path.Combine(SampleFolder, "Program.cs"));
        var readme = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "README.md"));
        var start = program.IndexOf($"// <{Marker}>", StringComparison.Ordinal);
        var end = program.IndexOf($"// </{Marker}>", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "the sample marks its snippet");
        var snippet = program[(program.IndexOf('\n', start) + 1)..end].TrimEnd();

        Assert.Contains(snippet, readme, StringComparison.Ordinal);
    }

    private static string SampleDll() =>
        Path.Combine(SampleFolder, "bin", new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name, "net10.0", "OrleansRegistry.Samples.HttpModeClient.dll");
}
