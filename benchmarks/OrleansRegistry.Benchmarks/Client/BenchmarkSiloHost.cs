using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Hosting;
using OrleansRegistry.Hosting;
using OrleansRegistry.Storage;

namespace OrleansRegistry.Benchmarks.Client;

/// <summary>
/// A silo process with the registry's grains (as the silo program adds them, in-memory storage and
/// reminders) plus this program's <see cref="ReadyAnswerGrain"/> (<c>serve-silo</c>): the silo
/// program cannot host a benchmark's grain, and figure 3's baseline must run on the same silo as
/// the pick it is compared with.
/// </summary>
internal static class BenchmarkSiloHost
{
    public const string Command = "serve-silo";

    /// <summary>Arguments: gateway port, silo port, cluster id.</summary>
    public static async Task<int> RunAsync(string[] arguments)
    {
        var gatewayPort = int.Parse(arguments[0], CultureInfo.InvariantCulture);
        var siloPort = int.Parse(arguments[1], CultureInfo.InvariantCulture);
        var clusterId = arguments[2];
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: clusterId, clusterId: clusterId);
            silo.AddMemoryGrainStorage(RegistryStorage.Name);
            silo.UseInMemoryReminderService();
            silo.Services.AddRegistryGrains();
        });
        await builder.Build().RunAsync();
        return 0;
    }
}
