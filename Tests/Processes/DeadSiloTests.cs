using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OrleansRegistry.Tests.Support;
using Xunit.Abstractions;

namespace OrleansRegistry.Tests.Processes;

/// <summary>
/// A silo the cluster declared dead while it hung must not serve its copy when it resumes, and a
/// hung silo must not hold every write hostage (real processes, Azurite clustering).
/// </summary>
[Collection(ProcessClusterCollection.Name)]
public sealed class DeadSiloTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ResumedSiloDeclaredDead_NeverListsAnInstanceRemovedMeanwhile()
    {
        await using var cluster = await ProcessCluster.StartAsync(3);
        var (writer, hung) = (cluster.Silos[0], cluster.Silos[2]);
        using var client = await cluster.ConnectClientAsync(writer);
        var management = client.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        using var viaWriter = new HttpClient { BaseAddress = writer.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        using var viaHung = new HttpClient { BaseAddress = hung.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        await RegisterKeptAndRemovedAsync(viaWriter, viaHung, "zombie");

        var hostage = await ServiceOwnedByAsync(viaWriter, writer, "hostage");
        await hung.SignalAsync("STOP");

        // While the silo hangs (before the cluster declares it dead) writes to services it does not own still go through.
        var writes = new List<TimeSpan>();
        for (var i = 0; (await management.GetHosts(onlyActive: true)).Count == 3; i++)
        {
            var write = Stopwatch.StartNew();
            await viaWriter.RegisterAsync(hostage, $"w{i}");
            writes.Add(write.Elapsed);
        }

        output.WriteLine($"{writes.Count} writes while one silo hung: slowest {writes.DefaultIfEmpty().Max().TotalMilliseconds:F0} ms");
        using (var removed = await viaWriter.SendAsync(HttpMethod.Delete, "/services/zombie/instances/removed"))
        {
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        }

        await hung.SignalAsync("CONT");

        // Every answer from the resumed silo is a refusal, or a list without the removed instance,
        // until it has left (it stops itself once it learns it was declared dead).
        var answers = new Dictionary<string, int>(StringComparer.Ordinal);
        var watching = Stopwatch.StartNew();
        while (watching.Elapsed < TimeSpan.FromSeconds(10) && !hung.HasExited)
        {
            var answer = await ReadAsync(viaHung, "zombie");
            answers[answer.Kind] = answers.GetValueOrDefault(answer.Kind) + 1;
            Assert.False(answer.ListsRemoved, $"the resumed silo listed the removed instance: {answer.Kind}");
        }

        output.WriteLine($"answers of the resumed silo: {string.Join(", ", answers.Select(kv => $"{kv.Key} × {kv.Value}"))}; exited: {hung.HasExited}");
        Assert.DoesNotContain("200", answers.Keys);
    }

    [Fact]
    public async Task ResumedSiloStillAlive_ReloadsBeforeListing_SoAChangeItMissedIsThere()
    {
        await using var cluster = await ProcessCluster.StartAsync(2);
        var (writer, paused) = (cluster.Silos[0], cluster.Silos[1]);
        using var viaWriter = new HttpClient { BaseAddress = writer.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        using var viaPaused = new HttpClient { BaseAddress = paused.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        // A service whose grain is on the writer's silo: one on the paused silo cannot be written until it resumes.
        var service = await ServiceOwnedByAsync(viaWriter, writer, "napping");
        await RegisterKeptAndRemovedAsync(viaWriter, viaPaused, service);

        // Paused for less than failure detection takes: still a member when it resumes.
        await paused.SignalAsync("STOP");
        var write = Stopwatch.StartNew();
        using (var removed = await viaWriter.SendAsync(HttpMethod.Delete, $"/services/{service}/instances/removed"))
        {
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        }

        var writeTook = write.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(1) - writeTook > TimeSpan.Zero ? TimeSpan.FromSeconds(1) - writeTook : TimeSpan.Zero);
        await paused.SignalAsync("CONT");

        // The push it missed is not waited for; its first answer after the pause comes from a reload.
        var first = await ReadAsync(viaPaused, service);
        output.WriteLine($"the deregistration returned after {writeTook.TotalMilliseconds:F0} ms with one silo paused; the resumed silo first answered {first.Kind}");
        Assert.False(first.ListsRemoved, "the resumed silo listed an instance removed while it was paused");
        Assert.Equal("200", first.Kind);
        Assert.Equal(["kept"], (await viaPaused.ListAsync(service)).Select(instance => (string?)instance!["id"]));
        Assert.Contains("Silo was paused", paused.Output, StringComparison.Ordinal);
    }

    /// <summary>The first of a few service names whose grain the registry placed on <paramref name="silo"/>.</summary>
    private static async Task<string> ServiceOwnedByAsync(HttpClient http, SiloProcess silo, string prefix)
    {
        for (var i = 0; i < 32; i++)
        {
            var service = $"{prefix}-{i}";
            await http.RegisterAsync(service, "kept");
            var (_, health, response) = await http.GetJsonAsync($"/services/{service}/health");
            response.Dispose();
            if (((string?)health?["silo"] ?? string.Empty).Contains($":{silo.SiloPort}:", StringComparison.Ordinal))
            {
                return service;
            }
        }

        throw new InvalidOperationException($"no service grain of {prefix}-0..31 was placed on the silo at port {silo.SiloPort}");
    }

    /// <summary>Registers "kept" and "removed" through one silo and checks the other silo holds both.</summary>
    private static async Task RegisterKeptAndRemovedAsync(HttpClient viaWriter, HttpClient viaOther, string service)
    {
        await viaWriter.RegisterAsync(service, "kept");
        await viaWriter.RegisterAsync(service, "removed");
        Assert.Equal(2, (await viaOther.ListAsync(service)).Count);
    }

    private static async Task<(string Kind, bool ListsRemoved)> ReadAsync(HttpClient http, string service)
    {
        try
        {
            using var response = await http.GetAsync(RegistryHttp.Relative($"/services/{service}"));
            var body = await response.Content.ReadAsStringAsync();
            var lists = response.StatusCode == HttpStatusCode.OK
                && ((JsonArray)JsonNode.Parse(body)!).Any(instance => (string?)instance!["id"] == "removed");
            return (((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), lists);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return ("no answer", false);
        }
    }
}
