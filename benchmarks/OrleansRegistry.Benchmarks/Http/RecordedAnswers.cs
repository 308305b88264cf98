using System.Text;
using OrleansRegistry.Benchmarks.Support;

namespace OrleansRegistry.Benchmarks.Http;

/// <summary>
/// Answers of a real silo, recorded so a bare server can return the same bytes: a service's list,
/// a pick, and a registration. Kept in temporary files for the <c>serve-bytes</c> process.
/// </summary>
internal sealed class RecordedAnswers : IDisposable
{
    private readonly string[] _files;

    private RecordedAnswers(string contentType, byte[] list, byte[] select, byte[] registered)
    {
        ContentType = contentType;
        List = list;
        Select = select;
        Registered = registered;
        _files = [Path.GetTempFileName(), Path.GetTempFileName(), Path.GetTempFileName()];
        File.WriteAllBytes(_files[0], list);
        File.WriteAllBytes(_files[1], select);
        File.WriteAllBytes(_files[2], registered);
    }

    public string ContentType { get; }

    public byte[] List { get; }

    public byte[] Select { get; }

    public byte[] Registered { get; }

    /// <summary>Registers <paramref name="instances"/> sample instances of <paramref name="service"/> and records the answers.</summary>
    public static async Task<RecordedAnswers> RecordAsync(HttpClient http, Uri silo, string service, int instances)
    {
        var registered = Array.Empty<byte>();
        for (var i = 0; i < instances; i++)
        {
            using var body = new StringContent(SampleInstances.Json(i), Encoding.UTF8, "application/json");
            using var response = await http.PutAsync(new Uri(silo, $"/services/{service}/instances/{SampleInstances.Id(i)}"), body);
            response.EnsureSuccessStatusCode();
            registered = await response.Content.ReadAsByteArrayAsync();
        }

        var (list, contentType) = await GetAsync(http, new Uri(silo, $"/services/{service}"));
        var (select, _) = await GetAsync(http, new Uri(silo, $"/services/{service}/select"));
        return new RecordedAnswers(contentType, list, select, registered);
    }

    /// <summary>Starts the <c>serve-bytes</c> baseline returning these answers.</summary>
    public Task<BareServerProcess> StartBareServerAsync() =>
        BareServerProcess.StartAsync(BareEndpointServer.Command, ContentType, _files[0], _files[1], _files[2]);

    public void Dispose()
    {
        foreach (var file in _files)
        {
            File.Delete(file);
        }
    }

    private static async Task<(byte[] Body, string ContentType)> GetAsync(HttpClient http, Uri url)
    {
        using var response = await http.GetAsync(url);
        response.EnsureSuccessStatusCode();
        var contentType = response.Content.Headers.ContentType?.ToString() ?? "application/json";
        return (await response.Content.ReadAsByteArrayAsync(), contentType);
    }
}
