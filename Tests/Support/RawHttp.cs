using System.Net.Sockets;
using System.Text;

namespace OrleansRegistry.Tests.Support;

/// <summary>
/// HTTP/1.1 written byte for byte over a socket, for requests no client library would send
/// (broken chunk framing, a body shorter than its Content-Length).
/// </summary>
public static class RawHttp
{
    /// <summary>
    /// Sends <paramref name="head"/> (request line and headers, without the blank line) and
    /// <paramref name="body"/>; returns the whole answer the server writes before it closes the
    /// connection. With <paramref name="endAfterBody"/> the sending side is closed after the body, so
    /// a body shorter than announced ends there (Kestrel then takes the client for gone and answers
    /// no one: such a request is judged by what the server logged).
    /// </summary>
    public static async Task<RawResponse> SendAsync(Uri server, string head, byte[] body, bool endAfterBody, TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(server.Host, server.Port, timeout.Token);
        var request = Encoding.ASCII.GetBytes($"{head}\r\nHost: {server.Authority}\r\nConnection: close\r\n\r\n");
        await socket.SendAsync(request.Concat(body).ToArray(), SocketFlags.None, timeout.Token);
        if (endAfterBody)
        {
            socket.Shutdown(SocketShutdown.Send);
        }

        var answer = new MemoryStream();
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token)) > 0)
            {
                answer.Write(buffer, 0, read);
            }
        }
        catch (SocketException exception) when (exception.SocketErrorCode == SocketError.ConnectionReset)
        {
            // A server that refuses a body may reset the connection, after its answer or instead of one.
        }

        return RawResponse.Parse(Encoding.UTF8.GetString(answer.ToArray()));
    }
}

/// <summary>The status, headers and body of a raw answer; status 0 when the server closed without answering.</summary>
public sealed record RawResponse(int Status, string Head, string Body)
{
    public string? ContentType =>
        Head.Split("\r\n")
            .FirstOrDefault(line => line.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase))?["Content-Type:".Length..]
            .Trim();

    public static RawResponse Parse(string text)
    {
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = end < 0 ? text : text[..end];
        var statusLine = head.Split("\r\n")[0].Split(' ');
        var status = statusLine.Length > 1 && int.TryParse(statusLine[1], System.Globalization.CultureInfo.InvariantCulture, out var code) ? code : 0;
        return new RawResponse(status, head, end < 0 ? string.Empty : text[(end + 4)..]);
    }
}
