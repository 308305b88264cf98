using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OrleansRegistry.Benchmarks.Http;

/// <summary>
/// N HTTP requests, each on its own connection, sent and left waiting for their answer. Plain
/// sockets with one small receive each, so the load generator costs almost nothing while the
/// server wakes them; connections close with a reset (no TIME_WAIT left behind for the next run).
/// </summary>
internal sealed class ParkedRequests : IDisposable
{
    private const int ConnectInParallel = 256;

    private readonly Socket[] _sockets;
    private readonly Task<long>[] _answers;

    private ParkedRequests(Socket[] sockets, Task<long>[] answers)
    {
        _sockets = sockets;
        _answers = answers;
    }

    /// <summary>Opens <paramref name="count"/> connections to <paramref name="server"/> and sends <c>GET pathAndQuery</c> on each.</summary>
    public static async Task<ParkedRequests> SendAsync(Uri server, string pathAndQuery, int count)
    {
        var request = Encoding.ASCII.GetBytes($"GET {pathAndQuery} HTTP/1.1\r\nHost: {server.Authority}\r\n\r\n");
        var endPoint = new IPEndPoint(IPAddress.Loopback, server.Port);
        var sockets = new Socket[count];
        var answers = new Task<long>[count];
        var parked = new ParkedRequests(sockets, answers);
        try
        {
            for (var first = 0; first < count; first += ConnectInParallel)
            {
                var batch = Enumerable.Range(first, Math.Min(ConnectInParallel, count - first)).Select(async i =>
                {
                    var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)
                    {
                        NoDelay = true,
                        LingerState = new LingerOption(true, 0),
                    };
                    sockets[i] = socket;
                    await socket.ConnectAsync(endPoint);
                    await socket.SendAsync(request, SocketFlags.None);
                    answers[i] = AnsweredAtAsync(socket);
                });
                await Task.WhenAll(batch);
            }
        }
        catch
        {
            parked.Dispose();
            throw;
        }

        return parked;
    }

    /// <summary>When each request was answered (Stopwatch timestamps); fails if any answer is not a 200.</summary>
    public async Task<long[]> AnsweredAtAsync(TimeSpan deadline)
    {
        var all = Task.WhenAll(_answers);
        if (await Task.WhenAny(all, Task.Delay(deadline)) != all)
        {
            throw new TimeoutException($"{_answers.Count(a => !a.IsCompleted)} of {_answers.Length} waiting requests were not answered within {deadline}");
        }

        return await all;
    }

    public void Dispose()
    {
        foreach (var socket in _sockets)
        {
            socket?.Dispose();
        }
    }

    private static async Task<long> AnsweredAtAsync(Socket socket)
    {
        var buffer = new byte[16];
        var read = await socket.ReceiveAsync(buffer, SocketFlags.None);
        var at = Stopwatch.GetTimestamp();
        if (read < 12 || Encoding.ASCII.GetString(buffer, 9, 3) != "200")
        {
            throw new InvalidOperationException($"a waiting request was answered with '{Encoding.ASCII.GetString(buffer, 0, read)}'");
        }

        return at;
    }
}
