using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace SmartOverhalla.Simulators.Tests.Support;

/// <summary>
/// A TCP relay on 127.0.0.1 in front of the broker, so a test can break a device's connection the
/// way a dead mobile link or a pulled cable does: both sockets reset, no MQTT DISCONNECT. It can
/// also refuse new connections, as an unreachable broker would.
/// </summary>
internal sealed class TcpRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<Socket, Socket> _connections = new();
    private readonly Task _acceptLoop;
    private int _refused;
    private int _accepted;

    private TcpRelay(int targetPort)
    {
        _targetPort = targetPort;
        _listener.Start();
        _acceptLoop = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>When true, each new connection is reset at once.</summary>
    public bool Refusing { get; set; }

    public int RefusedCount => Volatile.Read(ref _refused);

    public int AcceptedCount => Volatile.Read(ref _accepted);

    public static TcpRelay Start(int targetPort) => new(targetPort);

    /// <summary>Resets every relayed connection on both sides, without any goodbye.</summary>
    public void CutAll()
    {
        foreach (var (client, upstream) in _connections)
        {
            Reset(client);
            Reset(upstream);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        CutAll();
        try
        {
            await _acceptLoop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            if (Refusing)
            {
                Interlocked.Increment(ref _refused);
                Reset(client);
                continue;
            }

            var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await upstream.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException)
            {
                Reset(client);
                Reset(upstream);
                continue;
            }

            Interlocked.Increment(ref _accepted);
            _connections[client] = upstream;
            _ = RelayAsync(client, upstream);
        }
    }

    private async Task RelayAsync(Socket client, Socket upstream)
    {
        await Task.WhenAll(PumpAsync(client, upstream), PumpAsync(upstream, client));
        _connections.TryRemove(client, out _);
        client.Dispose();
        upstream.Dispose();
    }

    /// <summary>Copies one direction; an orderly end is passed on as an orderly end (so a clean DISCONNECT still arrives).</summary>
    private static async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None);
                if (read == 0)
                {
                    to.Shutdown(SocketShutdown.Send);
                    return;
                }

                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None);
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            Reset(from);
            Reset(to);
        }
    }

    /// <summary>Closes with a TCP reset (linger zero), as a crashed peer's kernel would.</summary>
    private static void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(enable: true, seconds: 0);
            socket.Close();
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already gone.
        }
    }
}
