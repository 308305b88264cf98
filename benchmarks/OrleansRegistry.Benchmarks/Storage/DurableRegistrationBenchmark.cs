using System.Globalization;
using System.Text.Json;
using Azure.Core;
using Azure.Data.Tables;
using OrleansRegistry.Benchmarks.Cli;
using OrleansRegistry.Benchmarks.Report;
using OrleansRegistry.Benchmarks.Support;
using OrleansRegistry.Grains;

namespace OrleansRegistry.Benchmarks.Storage;

/// <summary>
/// Figure 4: registrations per second on a silo process whose grain state is in Azure Table
/// storage (Azurite); every registration is acknowledged only once it is stored. Baseline: the
/// same rows upserted straight into a table from this process, one upsert per registration, with
/// as many in flight as there are registration callers.
/// </summary>
internal sealed class DurableRegistrationBenchmark : IFigureBenchmark
{
    private const double Target = 1.0;

    public string Name => "storage";

    public string Figures => "4";

    public async Task<IReadOnlyList<FigureRow>> RunAsync(RunSettings settings)
    {
        var services = settings.Quick ? 4 : 20;
        var perService = settings.Quick ? 10 : 100;
        var concurrency = settings.Quick ? 20 : 100;
        var count = services * perService;

        var azurite = await settings.Processes.AzuriteAsync();
        using var http = new HttpClient();
        await using var cluster = await settings.Processes.AzureClusterAsync(http, 1);
        var silo = cluster.Process.Silos[0];
        await using var connection = await OrleansClient.ConnectAsync(silo);
        var client = connection.Client;
        var table = new TableServiceClient(azurite.ConnectionString, TableOptions()).GetTableClient("benchrows");
        await table.CreateIfNotExistsAsync();

        // Warm both paths (connections, activations, JIT) outside the measured rounds.
        await RegisterAsync(client, "warm", services, 2, concurrency);
        await UpsertAsync(table, "warm", services, 2, concurrency);

        var registry = new List<double>();
        var raw = new List<double>();
        for (var round = 0; round < settings.Rounds; round++)
        {
            var prefix = "r" + round.ToString(CultureInfo.InvariantCulture);
            if (round % 2 == 0)
            {
                registry.Add(await RegisterAsync(client, prefix, services, perService, concurrency));
                raw.Add(await UpsertAsync(table, prefix, services, perService, concurrency));
            }
            else
            {
                raw.Add(await UpsertAsync(table, prefix, services, perService, concurrency));
                registry.Add(await RegisterAsync(client, prefix, services, perService, concurrency));
            }

            await VerifyAsync(client, prefix, services, perService);
        }

        var subject = Median(registry);
        var baseline = Median(raw);
        var ratio = subject / baseline;
        return
        [
            new FigureRow(
                "4",
                "durable registrations/s on Azure Storage (Azurite)",
                Format.PerSecond(subject),
                $"raw table upserts {Format.PerSecond(baseline)}",
                Format.Ratio(ratio),
                "≥ 1.0× (coalesce writes)",
                settings.Judge(ratio >= Target),
                $"{count} registrations over {services} services ({perService} each), {concurrency} in flight, through an Orleans client; "
                    + "baseline upserts the same instances as one row each from this process"),
        ];
    }

    private static TableClientOptions TableOptions() => new()
    {
        // As the silo's table clients are configured (AzureStorageClients).
        Retry = { Mode = RetryMode.Fixed, MaxRetries = 1, Delay = TimeSpan.FromMilliseconds(200), NetworkTimeout = TimeSpan.FromSeconds(2) },
    };

    private static string ServiceName(string prefix, int service) => $"bench-store-{prefix}-{service.ToString(CultureInfo.InvariantCulture)}";

    private static Task<double> RegisterAsync(IClusterClient client, string prefix, int services, int perService, int concurrency) =>
        CountedLoad.RunAsync(services * perService, concurrency, async index =>
        {
            var name = ServiceName(prefix, index % services);
            await client.GetGrain<IServiceGrain>(name).RegisterAsync(SampleInstances.Create(name, index / services));
        });

    private static Task<double> UpsertAsync(TableClient table, string prefix, int services, int perService, int concurrency) =>
        CountedLoad.RunAsync(services * perService, concurrency, async index =>
        {
            var name = ServiceName(prefix, index % services);
            var instance = SampleInstances.Create(name, index / services);
            var row = new TableEntity(name, instance.Id) { ["Data"] = JsonSerializer.Serialize(instance) };
            await table.UpsertEntityAsync(row, TableUpdateMode.Replace);
        });

    private static async Task VerifyAsync(IClusterClient client, string prefix, int services, int perService)
    {
        for (var service = 0; service < services; service++)
        {
            var instances = await client.GetGrain<IServiceGrain>(ServiceName(prefix, service)).GetInstancesAsync();
            if (instances.Count != perService)
            {
                throw new InvalidOperationException($"{ServiceName(prefix, service)} holds {instances.Count} instances, expected {perService}");
            }
        }
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
