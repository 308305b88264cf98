using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Registry.Upgrade;

/// <summary>
/// State the registry stored in Azure Table storage before namespaces existed (the fixture file
/// says how it was captured) is read by the current silo as services of the default namespace.
/// </summary>
public sealed class PreNamespaceStateUpgradeTests
{
    private const string ServiceId = "upgrade";
    private const string StateTable = "OrleansGrainState";

    [Fact]
    public async Task Silo_StateStoredBeforeNamespaces_ServesItInTheDefaultNamespace()
    {
        await using var azurite = await AzuriteProcess.StartNewAsync(RepositoryPaths.AzuriteScript, onDisk: true);
        await InsertCapturedRowsAsync(azurite.ConnectionString);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var launch = new SiloLaunch(RepositoryPaths.SiloDll, RepositoryPaths.Root, ServiceId) { AzureConnectionString = azurite.ConnectionString };

        long indexBeforeRestart;
        await using (var silo = SiloProcess.Start(launch))
        {
            await silo.WaitReadyAsync(http);
            foreach (var prefix in new[] { string.Empty, "/namespaces/default" })
            {
                var instances = await JsonAsync(http, silo, $"{prefix}/services/legacy-api");
                var instance = Assert.Single(instances.AsArray())!;
                Assert.Equal(("legacy-1", "legacy-api", "10.0.0.7", 8081, "healthy"), ((string)instance["id"]!, (string)instance["service_name"]!, (string)instance["host"]!, (int)instance["port"]!, (string)instance["status"]!));
                Assert.Equal("eu-1", (string?)instance["metadata"]?["zone"]);
                var definition = await JsonAsync(http, silo, $"{prefix}/services/legacy-api/definition");
                Assert.Equal(("1.4.0", "stored before namespaces", "/orders"), ((string)definition["version"]!, (string)definition["description"]!, (string)definition["endpoints"]![0]!["path"]!));
                var listing = await JsonAsync(http, silo, $"{prefix}/services");
                Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""[{"name":"legacy-api","instances":1,"healthy":1}]"""), listing), listing.ToJsonString());
                Assert.Equal("legacy-1", (string?)(await JsonAsync(http, silo, $"{prefix}/services/legacy-api/select"))["id"]);
            }

            var namespaces = await JsonAsync(http, silo, "/namespaces");
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""[{"name":"default","services":1}]"""), namespaces), namespaces.ToJsonString());

            // Azure Table keys turn '/' into '_': the namespace's key separator must keep a:b apart from a_b.
            await RegisterAsync(http, silo, "/namespaces/team/services/b", "in-team");
            await RegisterAsync(http, silo, "/services/team_b", "in-default");
            Assert.Equal("in-team", (string?)Assert.Single((await JsonAsync(http, silo, "/namespaces/team/services/b")).AsArray())!["id"]);
            Assert.Equal("in-default", (string?)Assert.Single((await JsonAsync(http, silo, "/services/team_b")).AsArray())!["id"]);
            indexBeforeRestart = await IndexAsync(http, silo, "/services");
            await silo.TerminateAsync();
        }

        await using (var restarted = SiloProcess.Start(launch))
        {
            await restarted.WaitReadyAsync(http);
            var indexAfterRestart = await IndexAsync(http, restarted, "/services");
            Assert.True(indexAfterRestart > indexBeforeRestart, $"the catalog's index grew across the restart: {indexBeforeRestart} then {indexAfterRestart}");
            Assert.Equal(["legacy-api", "team_b"], (await JsonAsync(http, restarted, "/services")).AsArray().Select(s => (string)s!["name"]!));
            Assert.Equal("in-team", (string?)Assert.Single((await JsonAsync(http, restarted, "/namespaces/team/services/b")).AsArray())!["id"]);
            await restarted.TerminateAsync();
        }
    }

    private static async Task InsertCapturedRowsAsync(string connectionString)
    {
        var path = Path.Combine(RepositoryPaths.Root, "Tests", "Registry", "Upgrade", "pre-namespace-azure-table-rows.json");
        var rows = JsonNode.Parse(await File.ReadAllTextAsync(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!.AsArray();
        var table = new TableClient(connectionString, StateTable);
        await table.CreateIfNotExistsAsync();
        foreach (var row in rows)
        {
            Assert.Equal("Edm.Binary", (string?)row!["Data@odata.type"]);
            var entity = new TableEntity((string)row["PartitionKey"]!, (string)row["RowKey"]!)
            {
                ["Data"] = Convert.FromBase64String((string)row["Data"]!),
            };
            await table.AddEntityAsync(entity);
        }
    }

    private static async Task RegisterAsync(HttpClient http, SiloProcess silo, string servicePath, string id)
    {
        using var content = new StringContent("""{"host":"10.0.0.8","port":80}""", System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PutAsync(new Uri(silo.BaseAddress, $"{servicePath}/instances/{id}"), content);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static async Task<JsonNode> JsonAsync(HttpClient http, SiloProcess silo, string path)
    {
        using var response = await http.GetAsync(new Uri(silo.BaseAddress, path));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }

    private static async Task<long> IndexAsync(HttpClient http, SiloProcess silo, string path)
    {
        using var response = await http.GetAsync(new Uri(silo.BaseAddress, path));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return RegistryHttp.IndexOf(response);
    }
}
