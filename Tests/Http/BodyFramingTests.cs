using System.Text;
using System.Text.RegularExpressions;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Http;

/// <summary>
/// Bodies whose HTTP framing is broken, written over a raw socket to a real silo: each is a 400,
/// never a 5xx, and stores nothing. A body cut short by the client's close is answered to no one,
/// so its outcome is read from the silo's request log.
/// </summary>
public sealed partial class BodyFramingTests(BodyFramingTests.LoggedRequestsFixture fixture) : IClassFixture<BodyFramingTests.LoggedRequestsFixture>
{
    private const string Service = "framing-target";

    public static TheoryData<string, string, string> BrokenFraming => new()
    {
        { "chunk size overflows", "Transfer-Encoding: chunked", "FFFFFFFFFFFFFFFFFFFFFFFF\r\n{}\r\n0\r\n\r\n" },
        { "chunk size overflows an int", "Transfer-Encoding: chunked", "80000000\r\n{}\r\n0\r\n\r\n" },
        { "chunk size not hex", "Transfer-Encoding: chunked", "zz\r\n{}\r\n0\r\n\r\n" },
        { "chunk size empty", "Transfer-Encoding: chunked", "\r\n{}\r\n0\r\n\r\n" },
        { "chunk size with a NUL", "Transfer-Encoding: chunked", "16\0\r\n{\"host\":\"h\",\"port\":80}\r\n0\r\n\r\n" },
        { "chunk longer than its size", "Transfer-Encoding: chunked", "2\r\n{\"host\":\"h\",\"port\":80}\r\n0\r\n\r\n" },
        { "Content-Length not a number", "Content-Length: 2x", "{}" },
        { "Content-Length negative", "Content-Length: -1", "{}" },
        { "Content-Length twice, differing", "Content-Length: 2\r\nContent-Length: 3", "{}" },
        { "transfer coding not chunked", "Transfer-Encoding: gzip", "{}" },
    };

    public static TheoryData<string, string, string> CutShort => new()
    {
        { "chunked body cut short", "Transfer-Encoding: chunked", "40\r\n{\"host\":\"h\"" },
        { "chunked body without its last chunk", "Transfer-Encoding: chunked", "16\r\n{\"host\":\"h\",\"port\":80}\r\n" },
        { "body shorter than Content-Length", "Content-Length: 100", "{\"host\":\"h\",\"port\":80}" },
    };

    [Theory]
    [MemberData(nameof(BrokenFraming))]
    public async Task PutInstance_BrokenBodyFraming_Returns400AndStoresNothing(string name, string header, string body)
    {
        var response = await SendAsync(name, header, body, endAfterBody: false);

        Assert.True(response.Status == 400, $"{name}: expected 400, got {response.Status}\n{response.Head}\n{response.Body}");
        if (response.ContentType is { } contentType)
        {
            Assert.Equal("application/problem+json", contentType);
            Assert.Contains("\"status\":400", response.Body, StringComparison.Ordinal);
        }

        Assert.Empty(await fixture.Client.ListAsync(Service));
    }

    /// <summary>
    /// The client closes before its body is complete, so no answer reaches it; the silo must still
    /// judge the request a client error (ASP.NET records an answer that had nowhere to go as 499).
    /// </summary>
    [Theory]
    [MemberData(nameof(CutShort))]
    public async Task PutInstance_BodyCutShortByTheClient_EndsAsClientErrorAndStoresNothing(string name, string header, string body)
    {
        var response = await SendAsync(name, header, body, endAfterBody: true);

        var status = response.Status != 0 ? response.Status : await LoggedStatusAsync(PathOf(name));
        Assert.True(status is 400 or 499, $"{name}: expected a client error, got {status}\n{response.Head}\n{response.Body}");
        Assert.Empty(await fixture.Client.ListAsync(Service));
    }

    private static string PathOf(string name) => $"/services/{Service}/instances/{Slug().Replace(name, "-")}";

    private Task<RawResponse> SendAsync(string name, string header, string body, bool endAfterBody) =>
        RawHttp.SendAsync(
            fixture.BaseAddress,
            $"PUT {PathOf(name)} HTTP/1.1\r\nContent-Type: application/json\r\n{header}",
            Encoding.Latin1.GetBytes(body),
            endAfterBody,
            TimeSpan.FromSeconds(30));

    /// <summary>The status the silo logged for the request to <paramref name="path"/> (Kestrel answers a closed connection to no one).</summary>
    private async Task<int> LoggedStatusAsync(string path)
    {
        var finished = $" PUT {fixture.BaseAddress.GetLeftPart(UriPartial.Authority)}{path} - ";
        string? line = null;
        await Eventually.TrueAsync(
            () =>
            {
                line = fixture.Logs.Entries.Select(entry => entry.Message).FirstOrDefault(message =>
                    message.StartsWith("Request finished", StringComparison.Ordinal) && message.Contains(finished, StringComparison.Ordinal));
                return Task.FromResult(line is not null);
            },
            TimeSpan.FromSeconds(30),
            $"the silo to log the end of PUT {path}");
        var found = line!;
        return int.Parse(found[(found.IndexOf(finished, StringComparison.Ordinal) + finished.Length)..].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex Slug();

    /// <summary>A silo that logs the end of every request with its status.</summary>
    public sealed class LoggedRequestsFixture : RegistryHttpFixture
    {
        protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
        {
            ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
        };
    }
}
