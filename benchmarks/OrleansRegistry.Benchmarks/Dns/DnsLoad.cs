using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using OrleansRegistry.Benchmarks.Support;

namespace OrleansRegistry.Benchmarks.Dns;

/// <summary>Queries over UDP kept in flight from a pool of sockets (one query per socket at a time); an answer not back within a second counts as an error.</summary>
internal static class DnsLoad
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(1);

    public static async Task<LoadResult> RunAsync(int port, byte[] query, int concurrency, TimeSpan warmup, TimeSpan duration)
    {
        var endPoint = new IPEndPoint(IPAddress.Loopback, port);
        var sockets = new ConcurrentQueue<Socket>();
        try
        {
            return await ClosedLoop.RunAsync(
                async () =>
                {
                    if (!sockets.TryDequeue(out var socket))
                    {
                        socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                        socket.Connect(endPoint);
                    }

                    var buffer = new byte[1500];
                    using var timeout = new CancellationTokenSource(AnswerTimeout);
                    try
                    {
                        await socket.SendAsync(query, SocketFlags.None, timeout.Token);
                        var read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
                        var (code, answers) = DnsQueryPacket.Read(buffer.AsSpan(0, read));
                        if (code != 0 || answers == 0)
                        {
                            throw new InvalidOperationException($"DNS answered code {code} with {answers} records");
                        }
                    }
                    catch
                    {
                        // A late answer would be read by the next query on this socket: start afresh.
                        socket.Dispose();
                        throw;
                    }

                    sockets.Enqueue(socket);
                },
                concurrency,
                warmup,
                duration);
        }
        finally
        {
            while (sockets.TryDequeue(out var socket))
            {
                socket.Dispose();
            }
        }
    }
}
