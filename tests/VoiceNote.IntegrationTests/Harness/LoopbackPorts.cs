using System.Net;
using System.Net.Sockets;

namespace VoiceNote.IntegrationTests.Harness;

internal static class LoopbackPorts
{
    /// <summary>A port on 127.0.0.1 nothing listens on (just freed), for a server that is down.</summary>
    public static int Closed()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
