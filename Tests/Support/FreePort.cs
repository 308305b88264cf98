using System.Net;
using System.Net.Sockets;

namespace OrleansRegistry.Tests.Support;

public static class FreePort
{
    /// <summary>A loopback port that nothing listens on (the OS picked it free and it was released at once).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
