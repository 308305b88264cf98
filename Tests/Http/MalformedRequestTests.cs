using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using OrleansRegistry.Tests.Fixtures;
using OrleansRegistry.Tests.Support;

namespace OrleansRegistry.Tests.Http;

/// <summary>
/// Bad input of every kind is a 4xx problem that stores nothing (read back after each row); none is
/// a 5xx. Rows that give a <c>Field</c> also check that the problem names it.
/// </summary>
[Collection(RegistryHttpCollection.Name)]
public sealed class MalformedRequestTests(RegistryHttpFixture fixture)
{
    private const string Service = "malformed-target";
    private const string Instance = $"/services/{Service}/instances/x";
    private const string NewInstance = $"/services/{Service}/instances/y";
    private const string Definition = $"/services/{Service}/definition";
    private const string Json = "application/json";

    private static readonly string LongName = new('a', 129);

    private static readonly Row[] Rows =
    [
        new("truncated JSON", HttpMethod.Put, Instance, "{", 400),
        new("empty body", HttpMethod.Put, NewInstance, "", 400),
        new("JSON null", HttpMethod.Put, NewInstance, "null", 400),
        new("JSON array", HttpMethod.Put, Instance, "[]", 400),
        new("JSON string", HttpMethod.Put, Instance, "\"instance\"", 400),
        new("trailing content", HttpMethod.Put, Instance, """{"host":"h","port":80} {}""", 400),
        new("comment", HttpMethod.Put, Instance, """{"host":"h", /* c */ "port":80}""", 400),
        new("port as string", HttpMethod.Put, Instance, """{"host":"h","port":"80"}""", 400),
        new("port fractional", HttpMethod.Put, Instance, """{"host":"h","port":8080.5}""", 400),
        new("port zero", HttpMethod.Put, Instance, """{"host":"h","port":0}""", 400),
        new("port above 65535", HttpMethod.Put, NewInstance, """{"host":"h","port":65536}""", 400),
        new("port negative", HttpMethod.Put, Instance, """{"host":"h","port":-1}""", 400),
        new("port overflows", HttpMethod.Put, Instance, """{"host":"h","port":99999999999999999999}""", 400),
        new("port missing", HttpMethod.Put, NewInstance, """{"host":"h"}""", 400),
        new("host missing", HttpMethod.Put, Instance, """{"port":80}""", 400),
        new("host invalid", HttpMethod.Put, Instance, """{"host":"bad host!","port":80}""", 400),
        new("host not an IPv4", HttpMethod.Put, Instance, """{"host":"999.1.1.1","port":80}""", 400),
        new("host a number", HttpMethod.Put, Instance, """{"host":12,"port":80}""", 400),
        new("unknown status", HttpMethod.Put, Instance, """{"host":"h","port":80,"status":"sleeping"}""", 400),
        new("status a number", HttpMethod.Put, Instance, """{"host":"h","port":80,"status":1}""", 400),
        new("ftp health URL", HttpMethod.Put, Instance, """{"host":"h","port":80,"health_check_url":"ftp://h/x"}""", 400),
        new("relative health URL", HttpMethod.Put, Instance, """{"host":"h","port":80,"health_check_url":"/health"}""", 400),
        new("link-local health URL", HttpMethod.Put, NewInstance, """{"host":"h","port":80,"health_check_url":"http://169.254.169.254/latest"}""", 400),
        new("cloud metadata health URL", HttpMethod.Put, NewInstance, """{"host":"h","port":80,"health_check_url":"http://[fd00:ec2::254]/latest"}""", 400),
        new("weight zero", HttpMethod.Put, Instance, """{"host":"h","port":80,"metadata":{"weight":"0"}}""", 400),
        new("weight not a number", HttpMethod.Put, Instance, """{"host":"h","port":80,"metadata":{"weight":"heavy"}}""", 400),
        new("metadata value a number", HttpMethod.Put, Instance, """{"host":"h","port":80,"metadata":{"a":1}}""", 400),
        new("metadata value null", HttpMethod.Put, Instance, """{"host":"h","port":80,"metadata":{"a":null}}""", 400),
        new("metadata an array", HttpMethod.Put, Instance, """{"host":"h","port":80,"metadata":[]}""", 400),
        new("metadata too many entries", HttpMethod.Put, Instance, ManyMetadata(65), 400),
        new("check ttl unparsable", HttpMethod.Put, Instance, """{"host":"h","port":80,"check":{"ttl":"forever"}}""", 400),
        new("check threshold zero", HttpMethod.Put, Instance, """{"host":"h","port":80,"check":{"failures_before_unhealthy":0}}""", 400),
        new("timestamp unparsable", HttpMethod.Put, Instance, """{"host":"h","port":80,"last_heartbeat":"yesterday"}""", 400),
        new("nesting too deep", HttpMethod.Put, Instance, """{"host":"h","port":80,"check":""" + new string('[', 200) + new string(']', 200) + "}", 400),
        new("body id differs from path", HttpMethod.Put, Instance, """{"id":"other","host":"h","port":80}""", 400),
        new("body service differs from path", HttpMethod.Put, Instance, """{"service_name":"other","host":"h","port":80}""", 400),
        new("invalid UTF-8", HttpMethod.Put, Instance, null, 400, RawBody: [(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}']),
        new("invalid UTF-8 in a value", HttpMethod.Put, Instance, null, 400, RawBody: [.. "{\"host\":\""u8, 0xFF, 0xFE, .. "\",\"port\":80}"u8]),
        new("lone surrogate escape", HttpMethod.Put, Instance, """{"host":"h\uD800","port":80}""", 400),
        new("lone surrogate in metadata", HttpMethod.Put, Instance, """{"host":"h","port":80,"metadata":{"k":"\uDC00"}}""", 400),
        new("NUL in host", HttpMethod.Put, Instance, """{"host":"h\u0000","port":80}""", 400),
        new("body over 1 MiB", HttpMethod.Put, NewInstance, $$$"""{"host":"h","port":80,"metadata":{"big":"{{{new string('x', (1024 * 1024) + 10)}}}"}}""", 413),
        new("text/plain body", HttpMethod.Put, Instance, """{"host":"h","port":80}""", 415, ContentType: "text/plain"),
        new("form body", HttpMethod.Put, Instance, "host=h&port=80", 415, ContentType: "application/x-www-form-urlencoded"),
        new("instance id starts with a dash", HttpMethod.Put, $"/services/{Service}/instances/-x", """{"host":"h","port":80}""", 400),
        new("instance id with a space", HttpMethod.Put, $"/services/{Service}/instances/a%20b", """{"host":"h","port":80}""", 400),
        new("service name with a colon", HttpMethod.Put, "/services/a:b/instances/x", """{"host":"h","port":80}""", 400),
        new("service name too long", HttpMethod.Put, $"/services/{LongName}/instances/x", """{"host":"h","port":80}""", 400),
        new("service name with unicode", HttpMethod.Put, "/services/s%C3%A9rvice/instances/x", """{"host":"h","port":80}""", 400),
        new("heartbeat bad id", HttpMethod.Put, $"/services/{Service}/instances/_x/heartbeat", null, 400),
        new("delete bad id", HttpMethod.Delete, $"/services/{Service}/instances/x%2Fy", null, 400),
        new("delete bad service", HttpMethod.Delete, "/services/.hidden/instances/x", null, 400),
        new("definition name differs", HttpMethod.Put, Definition, """{"name":"other","version":"1","description":"","endpoints":[],"dependencies":[],"config":{}}""", 400),
        new("definition endpoint path", HttpMethod.Put, Definition, """{"endpoints":[{"path":"no-slash","method":"GET","parameters":[]}]}""", 400),
        new("definition config not an object", HttpMethod.Put, Definition, """{"config":"x"}""", 400),
        new("definition dependency name", HttpMethod.Put, Definition, """{"dependencies":["bad name"]}""", 400),
        new("definition null endpoint", HttpMethod.Put, Definition, """{"endpoints":[null]}""", 400),
        new("definition truncated", HttpMethod.Put, Definition, """{"version":""", 400),
        new("healthy not a boolean", HttpMethod.Get, $"/services/{Service}?healthy=maybe", null, 400),
        new("index negative", HttpMethod.Get, $"/services/{Service}?index=-1", null, 400),
        new("index not a number", HttpMethod.Get, $"/services/{Service}?index=abc", null, 400),
        new("wait unparsable", HttpMethod.Get, $"/services/{Service}?index=1&wait=forever", null, 400),
        new("index with a sign", HttpMethod.Get, $"/services/{Service}?index=%2B1", null, 400),
        new("wait too long a text", HttpMethod.Get, $"/services/{Service}?index=1&wait={new string('1', 40)}s", null, 400),
        new("wait without unit", HttpMethod.Get, $"/services/{Service}?index=1&wait=30", null, 400),
        new("unknown strategy", HttpMethod.Get, $"/services/{Service}/select?strategy=fastest", null, 400),
        new("lease not base64url", HttpMethod.Post, $"/services/{Service}/leases/!!!/release", null, 400),
        new("lease not a token", HttpMethod.Post, $"/services/{Service}/leases/aGVsbG8/release", null, 400),
        new("weight with a trailing NUL", HttpMethod.Put, NewInstance, """{"host":"h","port":80,"metadata":{"weight":"5\u0000"}}""", 400, Field: "metadata.weight"),
        new("weight with a leading space", HttpMethod.Put, NewInstance, """{"host":"h","port":80,"metadata":{"weight":" 5"}}""", 400, Field: "metadata.weight"),
        new("metadata value with a tab", HttpMethod.Put, Instance, """{"host":"h","port":80,"metadata":{"zone":"a\tb"}}""", 400, Field: "metadata.zone"),
        new("metadata value with a line break", HttpMethod.Put, Instance, """{"host":"h","port":80,"metadata":{"zone":"a\nb"}}""", 400, Field: "metadata.zone"),
        new("metadata key with a NUL", HttpMethod.Put, Instance, """{"host":"h","port":80,"metadata":{"zo\u0000ne":"a"}}""", 400, Field: "metadata"),
        new("host with CR LF", HttpMethod.Put, Instance, """{"host":"h\r\nX-Injected: 1","port":80}""", 400, Field: "host"),
        new("status with a NUL", HttpMethod.Put, Instance, """{"host":"h","port":80,"status":"healthy\u0000"}""", 400, Field: "status"),
        new("body id with a NUL", HttpMethod.Put, Instance, """{"id":"x\u0000","host":"h","port":80}""", 400, Field: "id"),
        new("check ttl with a line break", HttpMethod.Put, Instance, """{"host":"h","port":80,"check":{"ttl":"30s\n"}}""", 400, Field: "check.ttl"),
        new("health URL with CR LF", HttpMethod.Put, NewInstance, """{"host":"h","port":80,"health_check_url":"http://h/health\r\nX-Injected: 1"}""", 400, Field: "health_check_url"),
        new("health URL with encoded CR LF", HttpMethod.Put, NewInstance, """{"host":"h","port":80,"health_check_url":"http://h/health%0d%0aX-Injected:%201"}""", 400, Field: "health_check_url"),
        new("health URL on link-local with a trailing dot", HttpMethod.Put, NewInstance, """{"host":"h","port":80,"health_check_url":"http://169.254.169.254./latest"}""", 400, Field: "health_check_url"),
        new("health URL on link-local in hex with a trailing dot", HttpMethod.Put, NewInstance, """{"host":"h","port":80,"health_check_url":"http://0xa9fea9fe./latest"}""", 400, Field: "health_check_url"),
        new("health URL on link-local in octal", HttpMethod.Put, NewInstance, """{"host":"h","port":80,"health_check_url":"http://0251.0376.0251.0376/latest"}""", 400, Field: "health_check_url"),
        new("health URL on link-local as one decimal", HttpMethod.Put, NewInstance, """{"host":"h","port":80,"health_check_url":"http://2852039166./latest"}""", 400, Field: "health_check_url"),
        new("health URL on link-local in short form", HttpMethod.Put, NewInstance, """{"host":"h","port":80,"health_check_url":"http://169.254.43518/latest"}""", 400, Field: "health_check_url"),
        new("health URL on link-local, IPv4-mapped", HttpMethod.Put, NewInstance, """{"host":"h","port":80,"health_check_url":"http://[::ffff:169.254.169.254]/latest"}""", 400, Field: "health_check_url"),
        new("definition description with a line break", HttpMethod.Put, Definition, """{"description":"one\ntwo"}""", 400, Field: "description"),
        new("definition version with a tab", HttpMethod.Put, Definition, """{"version":"1\t2"}""", 400, Field: "version"),
        new("definition endpoint path with CR LF", HttpMethod.Put, Definition, """{"endpoints":[{"path":"/u\r\n","method":"GET","parameters":[]}]}""", 400, Field: "endpoints[0].path"),
        new("definition config key with a NUL", HttpMethod.Put, Definition, """{"config":{"k\u0000":1}}""", 400, Field: "config"),
        new("service name with a control character", HttpMethod.Put, "/services/a%01b/instances/x", """{"host":"h","port":80}""", 400, Field: "service_name"),
        new("instance id with CR LF", HttpMethod.Put, $"/services/{Service}/instances/x%0D%0A", """{"host":"h","port":80}""", 400, Field: "id"),
        new("index with a trailing NUL", HttpMethod.Get, $"/services/{Service}?index=1%00", null, 400, Field: "index"),
        new("index with a trailing space", HttpMethod.Get, $"/services/{Service}?index=1%20", null, 400, Field: "index"),
        new("index in full-width digits", HttpMethod.Get, $"/services/{Service}?index=%EF%BC%91", null, 400, Field: "index"),
        new("wait with a trailing NUL", HttpMethod.Get, $"/services/{Service}?index=1&wait=1s%00", null, 400, Field: "wait"),
        new("wait with a leading space", HttpMethod.Get, $"/services/{Service}?index=1&wait=%201s", null, 400, Field: "wait"),
        new("healthy with a NUL", HttpMethod.Get, $"/services/{Service}?healthy=true%00", null, 400, Field: "healthy"),
        new("strategy with a line break", HttpMethod.Get, $"/services/{Service}/select?strategy=random%0A", null, 400, Field: "strategy"),
        new("strategy with a leading space", HttpMethod.Get, $"/services/{Service}/select?strategy=%20random", null, 400, Field: "strategy"),
        new("unread parameter with a NUL", HttpMethod.Get, $"/services/{Service}?trace=%00", null, 400, Field: "trace"),
        new("parameter name with CR LF", HttpMethod.Get, $"/services/{Service}?a%0D%0Ab=1", null, 400, Field: "query"),
        new("lease id with a trailing NUL", HttpMethod.Post, $"/services/{Service}/leases/{Lease("S127.0.0.1:11111:1", Service, "5\0")}/release", null, 400, Field: "lease"),
        new("lease id with a sign", HttpMethod.Post, $"/services/{Service}/leases/{Lease("S127.0.0.1:11111:1", Service, "+5")}/release", null, 400, Field: "lease"),
        new("lease silo with a control character", HttpMethod.Post, $"/services/{Service}/leases/{Lease("S127\u0001", Service, "5")}/release", null, 400, Field: "lease"),
        new("unknown route", HttpMethod.Get, "/nothing-here", null, 404),
        new("method not allowed", HttpMethod.Post, Instance, """{"host":"h","port":80}""", 405),
    ];

    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task Send_EachMalformedRequest_Returns4xxProblemAndLeavesTheRegistryUnchanged()
    {
        Assert.True(Rows.Length >= 30, "the table holds at least 30 malformed requests");
        await Client.RegisterAsync(Service, "x", port: 7000, metadata: """{"zone":"a"}""");
        using (var put = await Client.PutAsync(Definition, """{"version":"1","description":"d","endpoints":[],"dependencies":[],"config":{"k":1}}"""))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        var before = await SnapshotAsync();
        var failures = new List<string>();
        foreach (var row in Rows)
        {
            using var response = await SendAsync(row);
            var text = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode != row.Status)
            {
                failures.Add($"{row.Name}: expected {row.Status}, got {(int)response.StatusCode} {text}");
            }

            if (response.Content.Headers.ContentType?.MediaType != "application/problem+json" || !text.Contains($"\"status\":{row.Status}", StringComparison.Ordinal))
            {
                failures.Add($"{row.Name}: expected a problem+json body, got '{response.Content.Headers.ContentType}' {text}");
            }
            else if (row.Field is not null && JsonNode.Parse(text)?["field"]?.GetValue<string>() != row.Field)
            {
                failures.Add($"{row.Name}: expected the problem to name field '{row.Field}', got {text}");
            }

            var after = await SnapshotAsync();
            if (after != before)
            {
                failures.Add($"{row.Name}: the registry changed:\n  before {before}\n  after  {after}");
                before = after;
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private async Task<HttpResponseMessage> SendAsync(Row row)
    {
        using var request = new HttpRequestMessage(row.Method, RegistryHttp.Relative(row.Path));
        if (row.RawBody is not null || row.Body is not null)
        {
            request.Content = new ByteArrayContent(row.RawBody ?? Encoding.UTF8.GetBytes(row.Body!));
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(row.ContentType);
        }

        return await Client.SendAsync(request);
    }

    /// <summary>
    /// Every service with its instance count, and the target service's instances, index and
    /// definition. Healthy counts are left out: other tests' health checks and leases on this
    /// shared silo move them on their own.
    /// </summary>
    private async Task<string> SnapshotAsync()
    {
        using var services = await Client.GetAsync(RegistryHttp.Relative("/services"));
        using var instances = await Client.GetAsync(RegistryHttp.Relative($"/services/{Service}"));
        using var definition = await Client.GetAsync(RegistryHttp.Relative(Definition));
        var listing = (System.Text.Json.Nodes.JsonArray)System.Text.Json.Nodes.JsonNode.Parse(await services.Content.ReadAsStringAsync())!;
        return string.Join(
            " | ",
            string.Join(',', listing.Select(service => $"{service!["name"]}:{service["instances"]}")),
            RegistryHttp.IndexOf(instances),
            await instances.Content.ReadAsStringAsync(),
            await definition.Content.ReadAsStringAsync());
    }

    private static string ManyMetadata(int count) =>
        """{"host":"h","port":80,"metadata":{""" + string.Join(',', Enumerable.Range(0, count).Select(i => $"\"k{i}\":\"v\"")) + "}}";

    /// <summary>A lease token as <c>LeaseTokenCodec</c> writes one, around a lease id of any text.</summary>
    private static string Lease(string silo, string service, string leaseId) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{silo}\n{service}\n{leaseId}"));

    private sealed record Row(string Name, HttpMethod Method, string Path, string? Body, int Status, string ContentType = Json, byte[]? RawBody = null, string? Field = null);
}
