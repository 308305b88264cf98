using System.Net;
using System.Net.Sockets;

namespace OrleansRegistry.Tests.Support;

/// <summary>Loopback ports free right now, never the same one twice in this test run.</summary>
public static class FreePorts
{
    private static readonly HashSet<int> HandedOut = [];
    private static readonly Lock Gate = new();

    public static int Next()
    {
        lock (Gate)
        {
            while (true)
            {
                using var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                listener.Stop();
                if (HandedOut.Add(port))
                {
                    return port;
                }
            }
        }
    }

    public static int[] Next(int count) => Enumerable.Range(0, count).Select(_ => Next()).ToArray();
}
