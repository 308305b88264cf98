using System.Net;
using System.Text.Json;
using OrleansRegistry.Grains;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.ClientApp.Commands;

[Collection(CliClusterCollection.Name)]
public sealed class CallCommandTests(CliClusterFixture fixture)
{
    [Fact]
    public async Task Call_Get_PrintsStatusInstanceAndBody()
    {
        var name = Instances.UniqueService("call");
        await using var backend = await HttpBackend.StartAsync("b-1");
        await fixture.GrainFactory.GetGrain<IServiceGrain>(name).RegisterAsync(backend.AsInstance(name));

        var result = await fixture.RunAsync("call", name, "get", "/whoami");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("200 OK from b-1 (127.0.0.1:", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"backend\":\"b-1\"", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, backend.Hits);
    }

    [Fact]
    public async Task Call_PostWithBodyAsJson_EchoesTheFile()
    {
        var name = Instances.UniqueService("call-post");
        await using var backend = await HttpBackend.StartAsync("echo-1");
        await fixture.GrainFactory.GetGrain<IServiceGrain>(name).RegisterAsync(backend.AsInstance(name));
        var body = Path.Combine(Path.GetTempPath(), $"body-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(body, """{"order":42}""");
        try
        {
            var result = await fixture.RunAsync("--json", "call", name, "POST", "/echo", "--body", body);

            Assert.True(result.ExitCode == 0, result.ToString());
            using var document = JsonDocument.Parse(result.Stdout);
            Assert.Equal(200, document.RootElement.GetProperty("status").GetInt32());
            Assert.Equal("echo-1", document.RootElement.GetProperty("instance").GetProperty("id").GetString());
            Assert.Equal(42, document.RootElement.GetProperty("body").GetProperty("order").GetInt32());
        }
        finally
        {
            File.Delete(body);
        }
    }

    [Fact]
    public async Task Call_OneInstanceFails_RetriesOnTheOther()
    {
        var name = Instances.UniqueService("call-retry");
        await using var broken = await HttpBackend.StartAsync("broken");
        await using var working = await HttpBackend.StartAsync("working");
        broken.FailWith = HttpStatusCode.ServiceUnavailable;
        await fixture.GrainFactory.GetGrain<IServiceGrain>(name).RegisterAsync(broken.AsInstance(name));
        await fixture.GrainFactory.GetGrain<IServiceGrain>(name).RegisterAsync(working.AsInstance(name));

        for (var i = 0; i < 2; i++)
        {
            var result = await fixture.RunAsync("call", name, "GET", "/whoami");
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains("from working", result.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Call_ServiceAnswersError_ExitsFour()
    {
        var name = Instances.UniqueService("call-error");
        await using var backend = await HttpBackend.StartAsync("teapot");
        backend.FailWith = HttpStatusCode.NotFound;
        await fixture.GrainFactory.GetGrain<IServiceGrain>(name).RegisterAsync(backend.AsInstance(name));

        var result = await fixture.RunAsync("call", name, "GET", "/missing");

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("404", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_NoHealthyInstance_ExitsOne()
    {
        var name = Instances.UniqueService("call-none");
        await fixture.GrainFactory.GetGrain<IServiceGrain>(name).RegisterAsync(Instances.Create(name, "down", status: Model.ServiceStatus.Unhealthy));

        var result = await fixture.RunAsync("call", name, "GET", "/whoami");

        Assert.True(result.ExitCode == 1, result.ToString());
    }

    [Theory]
    [InlineData("bad name", "GET", "/x")]
    [InlineData("svc", "G E T", "/x")]
    [InlineData("svc", "GET", "no-slash")]
    public async Task Call_BadInput_ExitsTwo(string service, string method, string path)
    {
        var result = await fixture.RunAsync("call", service, method, path);

        Assert.True(result.ExitCode == 2, result.ToString());
    }
}
