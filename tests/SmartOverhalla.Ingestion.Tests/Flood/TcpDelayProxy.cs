using System.Net;
using System.Net.Sockets;
using SmartOverhalla.Testing;

namespace SmartOverhalla.Ingestion.Tests.Flood;

/// <summary>
/// A TCP proxy on 127.0.0.1 in front of a real server that holds back every chunk the server sends by
/// <see cref="Delay"/>: a slow InfluxDB, without touching InfluxDB. Requests pass at once. Stops with the test.
/// </summary>
internal sealed class TcpDelayProxy : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly IPEndPoint _upstream;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _connections = [];
    private readonly Task _accepting;

    public TcpDelayProxy(Uri upstream, TimeSpan delay)
    {
        Delay = delay;
        _upstream = new IPEndPoint(IPAddress.Loopback, upstream.Port);
        Port = FreeTcpPort.Next();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Start();
        _accepting = AcceptAsync(_stop.Token);
    }

    public int Port { get; }

    public Uri Url => new($"http://127.0.0.1:{Port}/");

    public TimeSpan Delay { get; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        Task[] connections;
        lock (_connections)
        {
            connections = [.. _connections];
        }

        await Task.WhenAll(connections);
        _stop.Dispose();
    }

    private async Task AcceptAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(ct);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            lock (_connections)
            {
                _connections.RemoveAll(t => t.IsCompleted);
                _connections.Add(RelayAsync(client, ct));
            }
        }
    }

    private async Task RelayAsync(Socket client, CancellationToken ct)
    {
        using var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using (client)
        {
            try
            {
                await server.ConnectAsync(_upstream, ct);
                using var done = CancellationTokenSource.CreateLinkedTokenSource(ct);
                var up = PumpAsync(client, server, TimeSpan.Zero, done.Token);
                var down = PumpAsync(server, client, Delay, done.Token);
                await Task.WhenAny(up, down);
                await done.CancelAsync();
                await Task.WhenAll(up, down);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException)
            {
                // The test is over or a side hung up.
            }
        }
    }

    private static async Task PumpAsync(Socket from, Socket to, TimeSpan delay, CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, ct);
                if (read == 0)
                {
                    to.Shutdown(SocketShutdown.Send);
                    return;
                }

                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, ct);
                }

                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, ct);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Closed.
        }
    }
}
