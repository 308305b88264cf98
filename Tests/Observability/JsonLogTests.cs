using System.Text.Json;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Observability;

/// <summary>
/// <c>Logging:Console:FormatterName=json</c> on a real silo process: one JSON object per line; a
/// line written while a request is served carries that request's trace id. No collector here, so
/// the request's activity comes from turning the hosting diagnostics category on (the shipped
/// appsettings.json, which the silo reads from its own folder, turns it off).
/// </summary>
public sealed class JsonLogTests
{
    [Fact]
    public async Task JsonFormatter_RegistrationAndRefusedKey_LogJsonLinesWithTheRequestsTraceId()
    {
        await using var silo = SiloProcess.Start(new SiloLaunch(RepositoryPaths.SiloDll, Path.GetDirectoryName(RepositoryPaths.SiloDll)!, $"json-logs-{Guid.NewGuid():N}")
        {
            ExtraArguments =
            [
                "--Logging:Console:FormatterName=json", "--Logging:LogLevel:OrleansRegistry=Information",
                "--Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics=Warning", "--Registry:ApiKeys=json-logs-key",
            ],
        });
        using var http = new HttpClient { BaseAddress = silo.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        await silo.WaitReadyAsync(http);
        await http.RegisterAsync("json-logged", "a1", apiKey: "json-logs-key");

        // A caller's trace context: the refusal is logged while that request is served.
        const string traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        using var refused = new HttpRequestMessage(HttpMethod.Delete, RegistryHttp.Relative("/services/json-logged/instances/a1"));
        refused.Headers.TryAddWithoutValidation("traceparent", $"00-{traceId}-00f067aa0ba902b7-01");
        refused.Headers.TryAddWithoutValidation("X-Api-Key", "wrong");
        using (var answer = await http.SendAsync(refused))
        {
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, answer.StatusCode);
        }

        JsonElement registered = default;
        JsonElement refusal = default;
        await Eventually.TrueAsync(
            () => TryFindEvent(silo.Output, 1001, out registered) && TryFindEvent(silo.Output, 4001, out refusal),
            TimeSpan.FromSeconds(30),
            "the registration's and the refusal's log lines");
        Assert.Equal("Information", registered.GetProperty("LogLevel").GetString());
        Assert.Contains("json-logged", registered.GetProperty("Message").GetString(), StringComparison.Ordinal);
        Assert.Contains(
            refusal.GetProperty("Scopes").EnumerateArray(),
            scope => scope.ValueKind == JsonValueKind.Object && scope.TryGetProperty("TraceId", out var id) && id.GetString() == traceId);
    }

    private static bool TryFindEvent(string output, int eventId, out JsonElement found)
    {
        foreach (var line in output.Split('\n'))
        {
            var text = line.Trim();
            if (!text.StartsWith('{'))
            {
                continue;
            }

            using var document = JsonDocument.Parse(text);
            if (document.RootElement.TryGetProperty("EventId", out var id) && id.GetInt32() == eventId)
            {
                found = document.RootElement.Clone();
                return true;
            }
        }

        found = default;
        return false;
    }
}
