using System.Net;
using System.Net.Sockets;

namespace SmartOverhalla.Testing;

/// <summary>
/// Hands out free TCP ports on 127.0.0.1 for servers the tests start.
/// </summary>
/// <remarks>
/// Ports come from 20000–32767, below Linux's ephemeral range (32768–60999, ip_local_port_range): a port the OS
/// hands out for "any free port" can be taken by an outgoing client connection (an HttpClient, an MQTT client)
/// between the moment it is handed out and the moment the server binds it, and with a thousand simulated devices
/// connecting that happened. Below the range only listeners compete, and within this process a counter never
/// hands out the same port twice; each port is checked to be bindable before it is handed out.
/// </remarks>
public static class FreeTcpPort
{
    private const int First = 20_000;
    private const int Last = 32_767;
    private static int _next = First + Random.Shared.Next(Last - First);

    public static int Next()
    {
        for (var attempt = 0; attempt < Last - First; attempt++)
        {
            var port = First + (Interlocked.Increment(ref _next) % (Last - First + 1));
            if (IsBindable(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"No free TCP port on 127.0.0.1 between {First} and {Last}.");
    }

    /// <summary>True when something accepts connections on 127.0.0.1:<paramref name="port"/>.</summary>
    public static async Task<bool> IsOpenAsync(int port, CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static bool IsBindable(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
