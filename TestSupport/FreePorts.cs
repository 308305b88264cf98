using System.Net;
using System.Net.Sockets;

namespace OrleansRegistry.TestSupport;

/// <summary>Loopback ports free right now, never the same one twice in one run.</summary>
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

    /// <summary>True when something accepts connections on <paramref name="port"/> at loopback.</summary>
    public static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
