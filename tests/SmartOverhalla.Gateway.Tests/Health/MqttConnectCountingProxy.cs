using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SmartOverhalla.Gateway.Tests.Health;

/// <summary>
/// A loopback TCP relay in front of a real broker that counts connections whose MQTT CONNECT carries a client id
/// starting with a given prefix. The shipped Mosquitto configuration logs no connections
/// (<c>connection_messages false</c>), so the test counts them on the wire instead.
/// </summary>
internal sealed class MqttConnectCountingProxy : IAsyncDisposable
{
    private const int SniffLimit = 4096;
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly int _upstreamPort;
    private readonly byte[] _prefix;
    private readonly List<Task> _relays = [];
    private readonly Task _acceptLoop;
    private int _matching;

    public MqttConnectCountingProxy(int upstreamPort, string clientIdPrefix)
    {
        _upstreamPort = upstreamPort;
        _prefix = Encoding.UTF8.GetBytes(clientIdPrefix);
        _listener.Start();
        _acceptLoop = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Connections so far whose first bytes named a client id with the prefix.</summary>
    public int MatchingConnections => Volatile.Read(ref _matching);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await Task.WhenAll([_acceptLoop, .. Snapshot()]).WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private Task[] Snapshot()
    {
        lock (_relays)
        {
            return [.. _relays];
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient downstream;
            try
            {
                downstream = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            lock (_relays)
            {
                _relays.Add(RelayAsync(downstream));
            }
        }
    }

    private async Task RelayAsync(TcpClient downstream)
    {
        using (downstream)
        using (var upstream = new TcpClient())
        {
            try
            {
                await upstream.ConnectAsync(IPAddress.Loopback, _upstreamPort, _stop.Token);
                using var done = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                var up = CopyAsync(downstream.GetStream(), upstream.GetStream(), sniff: true, done.Token);
                var back = CopyAsync(upstream.GetStream(), downstream.GetStream(), sniff: false, done.Token);
                await Task.WhenAny(up, back);
                await done.CancelAsync();
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException)
            {
                // Either side went away (the broker stopped, the probe disconnected): the relay ends with it.
            }
        }
    }

    private async Task CopyAsync(NetworkStream from, NetworkStream to, bool sniff, CancellationToken ct)
    {
        var buffer = new byte[8192];
        var sniffed = sniff ? new List<byte>() : null;
        try
        {
            while (true)
            {
                var read = await from.ReadAsync(buffer, ct);
                if (read == 0)
                {
                    return;
                }

                if (sniffed is not null)
                {
                    sniffed.AddRange(buffer.AsSpan(0, read));
                    if (sniffed.ToArray().AsSpan().IndexOf(_prefix) >= 0)
                    {
                        Interlocked.Increment(ref _matching);
                        sniffed = null;
                    }
                    else if (sniffed.Count > SniffLimit)
                    {
                        sniffed = null;
                    }
                }

                await to.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // The other direction ended the relay.
        }
    }
}
