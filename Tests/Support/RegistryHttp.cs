using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace OrleansRegistry.Tests.Support;

/// <summary>Small helpers for talking to the registry's HTTP API in tests.</summary>
public static class RegistryHttp
{
    public static Uri Relative(string path) => new(path, UriKind.Relative);

    public static async Task<HttpResponseMessage> SendAsync(
        this HttpClient client,
        HttpMethod method,
        string path,
        string? body = null,
        string? apiKey = null,
        string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, Relative(path));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        if (apiKey is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Api-Key", apiKey);
        }

        return await client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PutAsync(this HttpClient client, string path, string body, string? apiKey = null) =>
        client.SendAsync(HttpMethod.Put, path, body, apiKey);

    /// <summary>Registers an instance and asserts it was stored.</summary>
    public static async Task<JsonObject> RegisterAsync(this HttpClient client, string service, string id, int port = 8080, string status = "healthy", string extra = "", string metadata = "{}", string host = "127.0.0.1", string? apiKey = null)
    {
        var body = $$"""{"host":"{{host}}","port":{{port}},"status":"{{status}}","metadata":{{metadata}}{{extra}}}""";
        using var response = await client.PutAsync($"/services/{service}/instances/{id}", body, apiKey);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created, $"register {service}/{id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    public static async Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> GetJsonAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(Relative(path));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), response);
    }

    public static async Task<JsonArray> ListAsync(this HttpClient client, string service)
    {
        var (status, body, response) = await client.GetJsonAsync($"/services/{service}");
        response.Dispose();
        Assert.Equal(HttpStatusCode.OK, status);
        return (JsonArray)body!;
    }

    public static long IndexOf(HttpResponseMessage response) =>
        long.Parse(response.Headers.GetValues("X-Registry-Index").Single(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Asserts an RFC 7807 answer with <paramref name="status"/>; returns its body.</summary>
    public static async Task<JsonObject> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (JsonObject)JsonNode.Parse(text)!;
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(problem["title"]?.GetValue<string>()), "problem has a title");
        return problem;
    }
}
