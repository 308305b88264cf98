using System.Text.Json;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Observability;

/// <summary><c>Logging:Console:FormatterName=json</c> on a real silo process: one JSON object per line, with trace ids.</summary>
public sealed class JsonLogTests
{
    [Fact]
    public async Task JsonFormatter_Registration_LogsItsEventAsJsonWithTheRequestsTraceId()
    {
        await using var silo = SiloProcess.Start(new SiloLaunch(RepositoryPaths.SiloDll, RepositoryPaths.Root, $"json-logs-{Guid.NewGuid():N}")
        {
            ExtraArguments = ["--Logging:Console:FormatterName=json", "--Logging:LogLevel:OrleansRegistry=Information"],
        });
        using var http = new HttpClient { BaseAddress = silo.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        await silo.WaitReadyAsync(http);

        await http.RegisterAsync("json-logged", "a1");

        JsonElement registered = default;
        await Eventually.TrueAsync(() => TryFindEvent(silo.Output, 1001, out registered), TimeSpan.FromSeconds(30), "the registration's log line");
        Assert.Equal("Information", registered.GetProperty("LogLevel").GetString());
        Assert.Contains("json-logged", registered.GetProperty("Message").GetString(), StringComparison.Ordinal);
        var scopes = registered.GetProperty("Scopes").EnumerateArray().ToArray();
        Assert.Contains(scopes, scope => scope.ValueKind == JsonValueKind.Object && scope.TryGetProperty("TraceId", out var traceId) && traceId.GetString()!.Length == 32);
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
