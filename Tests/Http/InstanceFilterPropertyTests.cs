using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OrleansRegistry.Grains;
using OrleansRegistry.Model;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Http;

/// <summary>
/// Random instance sets under random filters: what the real silo lists, counts and picks (over
/// HTTP and through the balancer grain) is what a plain LINQ query over the registered set says.
/// </summary>
[Collection(RegistryHttpCollection.Name)]
public sealed class InstanceFilterPropertyTests(RegistryHttpFixture fixture)
{
    private const int Rounds = 12;
    private const int FiltersPerRound = 8;

    private static readonly string[] TagPool = ["a", "b", "c", "env:prod"];
    private static readonly string[] Zones = ["eu", "us"];
    private static readonly string[] Statuses = ["healthy", "healthy", "unhealthy", "starting"];

    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task Filters_RandomInstancesAndFilters_MatchLinqOracle()
    {
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var balancer = fixture.Services.GetRequiredService<IGrainFactory>().GetGrain<IBalancerGrain>(0);
        for (var round = 0; round < Rounds; round++)
        {
            var service = Instances.UniqueService("filters");
            var registered = await RegisterRandomAsync(random, service);
            for (var i = 0; i < FiltersPerRound; i++)
            {
                var filter = RandomFilter(random);
                var onlyHealthy = random.Next(2) == 0;
                var context = $"seed {seed}, round {round}, filter {Query(filter)}, healthy={onlyHealthy}, instances {string.Join("; ", registered)}";
                var kept = registered.Where(instance => Oracle(instance, filter)).ToList();
                var eligible = kept.Where(instance => instance.Status == "healthy").Select(instance => instance.Id).Order(StringComparer.Ordinal).ToList();

                var listed = await ListIdsAsync(service, filter, onlyHealthy);
                Assert.True(
                    (onlyHealthy ? eligible : kept.Select(instance => instance.Id).Order(StringComparer.Ordinal).ToList()).SequenceEqual(listed),
                    $"listing: {context}; got {string.Join(",", listed)}");

                var picked = await PickIdsOverHttpAsync(service, filter, eligible.Count);
                Assert.True(eligible.SequenceEqual(picked), $"select: {context}; picked {string.Join(",", picked)}");

                var grainPicks = new SortedSet<string>(StringComparer.Ordinal);
                for (var pick = 0; pick < Math.Max(1, eligible.Count); pick++)
                {
                    if (await balancer.SelectAsync(service, LoadBalancingStrategy.RoundRobin, filter, null) is { } selection)
                    {
                        grainPicks.Add(selection.Instance.Id);
                    }
                }

                Assert.True(eligible.SequenceEqual(grainPicks), $"balancer grain: {context}; picked {string.Join(",", grainPicks)}");

                var row = await CatalogRowAsync(service, filter);
                Assert.True(kept.Count == 0 ? row is null : row is not null, $"catalog: {context}; row {row?.ToJsonString()}");
                if (row is not null)
                {
                    Assert.Equal(kept.Count, (int)row["instances"]!);
                    Assert.Equal(eligible.Count, (int)row["healthy"]!);
                }
            }
        }
    }

    private static bool Oracle(Registered instance, InstanceFilter filter) =>
        filter.Tags.All(instance.Tags.Contains) && filter.Metadata.All(match => instance.Metadata.TryGetValue(match.Key, out var value) && value == match.Value);

    private async Task<List<Registered>> RegisterRandomAsync(Random random, string service)
    {
        var registered = new List<Registered>();
        var count = random.Next(0, 7);
        for (var i = 0; i < count; i++)
        {
            var tags = TagPool.Where(_ => random.Next(3) == 0).ToList();
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            if (random.Next(3) != 0)
            {
                metadata["zone"] = Zones[random.Next(Zones.Length)];
            }

            if (random.Next(2) == 0)
            {
                metadata["Zone"] = "upper";
            }

            var instance = new Registered($"i{i}", Statuses[random.Next(Statuses.Length)], tags, metadata);
            var tagJson = new JsonArray(tags.Concat(tags.Take(1)).Select(tag => (JsonNode?)tag).ToArray());
            var metadataJson = new JsonObject(metadata.Select(entry => KeyValuePair.Create(entry.Key, (JsonNode?)entry.Value)));
            var stored = await Client.RegisterAsync(service, instance.Id, port: 9000 + i, status: instance.Status, metadata: metadataJson.ToJsonString(), extra: $",\"tags\":{tagJson.ToJsonString()}");
            Assert.Equal(tags, stored["tags"]?.AsArray().Select(tag => (string)tag!) ?? []);
            registered.Add(instance);
        }

        return registered;
    }

    private static InstanceFilter RandomFilter(Random random)
    {
        var tags = TagPool.Append("missing").Where(_ => random.Next(4) == 0).ToList();
        var metadata = new List<MetadataMatch>();
        if (random.Next(2) == 0)
        {
            metadata.Add(new MetadataMatch("zone", random.Next(4) == 0 ? "nowhere" : Zones[random.Next(Zones.Length)]));
        }

        if (random.Next(4) == 0)
        {
            metadata.Add(new MetadataMatch("Zone", "upper"));
        }

        return new InstanceFilter(tags, metadata);
    }

    private static string Query(InstanceFilter filter) =>
        string.Join("&", filter.Tags.Select(tag => $"tag={Uri.EscapeDataString(tag)}")
            .Concat(filter.Metadata.Select(match => $"meta.{Uri.EscapeDataString(match.Key)}={Uri.EscapeDataString(match.Value)}")));

    private async Task<List<string>> ListIdsAsync(string service, InstanceFilter filter, bool onlyHealthy)
    {
        var (status, body, response) = await Client.GetJsonAsync($"/services/{service}?{Query(filter)}{(onlyHealthy ? "&healthy=true" : string.Empty)}");
        response.Dispose();
        Assert.Equal(HttpStatusCode.OK, status);
        return body!.AsArray().Select(instance => (string)instance!["id"]!).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>As many round-robin picks as there are eligible instances: they cover them all, and nothing else.</summary>
    private async Task<SortedSet<string>> PickIdsOverHttpAsync(string service, InstanceFilter filter, int eligible)
    {
        var picked = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Math.Max(1, eligible); i++)
        {
            using var response = await Client.GetAsync(RegistryHttp.Relative($"/services/{service}/select?{Query(filter)}"));
            if (eligible == 0)
            {
                await RegistryHttp.AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable);
                continue;
            }

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            picked.Add((string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!);
        }

        return picked;
    }

    private async Task<JsonNode?> CatalogRowAsync(string service, InstanceFilter filter)
    {
        var (status, body, response) = await Client.GetJsonAsync($"/services?{Query(filter)}");
        response.Dispose();
        Assert.Equal(HttpStatusCode.OK, status);
        return body!.AsArray().SingleOrDefault(row => (string)row!["name"]! == service);
    }

    private sealed record Registered(string Id, string Status, List<string> Tags, Dictionary<string, string> Metadata)
    {
        public override string ToString() =>
            $"{Id} {Status} [{string.Join(",", Tags)}] {{{string.Join(",", Metadata.Select(entry => $"{entry.Key}={entry.Value}"))}}}";
    }
}
