using System.Net.Http;
using System.Net.Sockets;

namespace OrleansRegistry.Health;

/// <summary>
/// HTTP probes: GET the health URL; a 2xx passes, anything else (a redirect included: they are not
/// followed) fails. At most <see cref="MaxBodyBytes"/> of the body is read. One shared handler for
/// the silo; every new connection goes through <see cref="ProbeAddressGuard"/>.
/// </summary>
public sealed class HttpProber : IDisposable
{
    public const int MaxBodyBytes = 4096;

    private readonly HttpClient _client;

    public HttpProber(ProbeAddressGuard guard)
    {
        ArgumentNullException.ThrowIfNull(guard);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            // A proxy would resolve the target itself, out of the guard's sight.
            UseProxy = false,
            AutomaticDecompression = System.Net.DecompressionMethods.None,
            MaxResponseHeadersLength = 16,
            // An unread rest of the body closes the connection instead of being drained in the background.
            MaxResponseDrainSize = 0,
            // Re-resolve (and re-check) now and then so a moved instance is followed.
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = await guard.ConnectAsync(context.DnsEndPoint.Host, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        _client = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("OrleansRegistry-HealthCheck/1.0");
    }

    /// <summary>Probes <paramref name="url"/>; the caller's token carries the time limit.</summary>
    public async Task<ProbeOutcome> ProbeAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            await DrainAsync(response.Content, cancellationToken);
            var code = (int)response.StatusCode;
            return code is >= 200 and < 300
                ? ProbeOutcome.Pass($"HTTP {code}")
                : ProbeOutcome.Fail(code is >= 300 and < 400 ? $"HTTP {code} (redirects are not followed)" : $"HTTP {code}");
        }
        catch (HttpRequestException exception) when (exception.InnerException is ProbeRefusedException refused)
        {
            throw refused;
        }
        catch (HttpRequestException exception)
        {
            return ProbeOutcome.Fail($"request failed: {exception.HttpRequestError}");
        }
        catch (SocketException exception)
        {
            return ProbeOutcome.Fail($"connection failed: {exception.SocketErrorCode}");
        }
    }

    public void Dispose() => _client.Dispose();

    /// <summary>Reads a small body so the connection can be reused; a larger one is abandoned with the connection.</summary>
    private static async Task DrainAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var body = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[MaxBodyBytes];
        var total = 0;
        while (total < MaxBodyBytes)
        {
            var read = await body.ReadAsync(buffer.AsMemory(total), cancellationToken);
            if (read == 0)
            {
                break;
            }

            total += read;
        }
    }
}
