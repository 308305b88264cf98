using System.Globalization;
using System.Net;
using System.Text;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Hosting;

/// <summary>The silo as <c>dotnet run --project Silo</c> starts it: from the project folder, with the shipped appsettings.json.</summary>
public sealed class ShippedSettingsTests
{
    [Fact]
    public async Task SiloProcess_ShippedLogLevels_LogRegistryInformationButNotOrleansInformation()
    {
        var http = FreePorts.Next();
        await using var silo = ChildProcess.Start(
            "dotnet",
            [
                RepositoryPaths.SiloDll,
                "--urls", $"http://127.0.0.1:{http.ToString(CultureInfo.InvariantCulture)}",
                $"--Orleans:ClusterId=shipped-{Guid.NewGuid():N}",
                $"--Orleans:SiloPort={FreePorts.Next().ToString(CultureInfo.InvariantCulture)}",
                $"--Orleans:GatewayPort={FreePorts.Next().ToString(CultureInfo.InvariantCulture)}",
            ],
            Path.Combine(RepositoryPaths.Root, "Silo"));
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{http.ToString(CultureInfo.InvariantCulture)}") };

        HttpStatusCode? registered = null;
        await Eventually.TrueAsync(
            async () =>
            {
                Assert.False(silo.HasExited, $"the silo exited:\n{silo.Output}");
                try
                {
                    using var body = new StringContent("""{"host":"127.0.0.1","port":9000}""", Encoding.UTF8, "application/json");
                    using var response = await client.PutAsync(new Uri("/services/shipped/instances/one", UriKind.Relative), body);
                    registered = response.StatusCode;
                    return true;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            TimeSpan.FromSeconds(60),
            "the silo answers a registration");
        await silo.TerminateAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(HttpStatusCode.Created, registered);
        Assert.Contains("info: OrleansRegistry.Registry.ServiceGrain[1001]", silo.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("info: Orleans.", silo.Output, StringComparison.Ordinal);
    }
}
