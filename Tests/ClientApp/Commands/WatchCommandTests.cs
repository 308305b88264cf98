using System.Text.Json;
using OrleansRegistry.Grains;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.ClientApp.Commands;

[Collection(CliClusterCollection.Name)]
public sealed class WatchCommandTests(CliClusterFixture fixture)
{
    [Fact]
    public async Task Watch_Json_PrintsInitialStateThenEachChange()
    {
        var name = Instances.UniqueService("watch");
        var service = fixture.GrainFactory.GetGrain<IServiceGrain>(name);
        await service.RegisterAsync(Instances.Create(name, "first"));

        // The watch prints the initial state, then the next change, and stops (--count 2). It may
        // subscribe after some registrations: keep changing the service until the watch is done.
        var watch = fixture.RunAsync("--json", "watch", name, "--count", "2");
        var added = 0;
        await Eventually.TrueAsync(
            async () =>
            {
                if (watch.IsCompleted)
                {
                    return true;
                }

                await service.RegisterAsync(Instances.Create(name, $"later-{added++}"));
                return false;
            },
            TimeSpan.FromSeconds(60),
            "the watch to print two steps and exit");
        var result = await watch;

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var initial = JsonDocument.Parse(lines[0]);
        using var change = JsonDocument.Parse(lines[1]);
        Assert.True(initial.RootElement.GetProperty("initial").GetBoolean());
        Assert.Contains("first", initial.RootElement.GetProperty("added").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        Assert.False(change.RootElement.GetProperty("initial").GetBoolean());
        Assert.True(change.RootElement.GetProperty("index").GetInt64() > initial.RootElement.GetProperty("index").GetInt64());
        Assert.All(change.RootElement.GetProperty("added").EnumerateArray(), i => Assert.StartsWith("later-", i.GetProperty("id").GetString(), StringComparison.Ordinal));
        Assert.NotEmpty(change.RootElement.GetProperty("added").EnumerateArray());
    }

    [Fact]
    public async Task Watch_Table_ShowsRemoval()
    {
        var name = Instances.UniqueService("watch-remove");
        var service = fixture.GrainFactory.GetGrain<IServiceGrain>(name);
        await service.RegisterAsync(Instances.Create(name, "keep"));
        await service.RegisterAsync(Instances.Create(name, "victim"));

        // The watch prints the initial table and two changes (--count 3). The victim comes and goes
        // until the watch is done, so two consecutive changes always include one removal.
        var watch = fixture.RunAsync("watch", name, "--count", "3");
        var present = true;
        await Eventually.TrueAsync(
            async () =>
            {
                if (watch.IsCompleted)
                {
                    return true;
                }

                if (present)
                {
                    await service.DeregisterAsync("victim");
                }
                else
                {
                    await service.RegisterAsync(Instances.Create(name, "victim"));
                }

                present = !present;
                return false;
            },
            TimeSpan.FromSeconds(60),
            "the watch to print the initial table and two changes");
        var result = await watch;

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("keep", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("  - victim 127.0.0.1:8080", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_BadCount_ExitsTwo()
    {
        var result = await fixture.RunAsync("watch", "svc", "--count", "zero");

        Assert.True(result.ExitCode == 2, result.ToString());
    }
}
