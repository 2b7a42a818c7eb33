using System.Buffers;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using MQTTnet.Channel;
using SmartOverhalla.Mqtt;
using SmartOverhalla.Testing;

namespace SmartOverhalla.Ingestion.Tests;

/// <summary>
/// The worker's MQTT byte stream (issue 13): a batch's PUBACKs must leave in a few socket writes, in order, and
/// MQTTnet's small reads must come out of one large one. The inner channel here is a recording stand-in for the
/// socket; the worker's integration tests run the same channel against real Mosquitto.
/// </summary>
public sealed class CoalescingMqttChannelTests
{
    [Fact]
    public async Task Acknowledgements_written_back_to_back_reach_the_socket_in_order_in_at_most_two_writes()
    {
        var ct = TestContext.Current.CancellationToken;
        var socket = new RecordingChannel { HoldWrites = true };
        var channel = new CoalescingMqttChannel(socket);

        // When 5,000 PUBACKs are written one by one while the socket is busy with the first write
        var expected = new List<byte>();
        for (var id = 1; id <= 5_000; id++)
        {
            byte[] puback = [0x40, 0x02, (byte)(id >> 8), (byte)id];
            expected.AddRange(puback);
            await channel.WriteAsync(new ReadOnlySequence<byte>(puback), isEndOfPacket: true, ct);
        }

        socket.ReleaseWrites();
        await channel.DisconnectAsync(ct);

        // Then they left in order, in the write that was under way and one more
        Assert.Equal(expected, socket.Written);
        Assert.InRange(socket.WriteCalls, 1, 2);
        Assert.True(socket.Disconnected);
    }

    [Fact]
    public async Task A_write_after_the_socket_failed_fails_instead_of_vanishing()
    {
        var ct = TestContext.Current.CancellationToken;
        var socket = new RecordingChannel { FailWrites = true };
        var channel = new CoalescingMqttChannel(socket);
        await channel.WriteAsync(new ReadOnlySequence<byte>([0xC0, 0x00]), isEndOfPacket: true, ct);

        // When the socket write has failed, the next write reports it
        await Eventually.UntilAsync(() => socket.WriteCalls == 1, TimeSpan.FromSeconds(10), "the flush to run", ct);
        await Eventually.UntilAsync(
            async _ =>
            {
                try
                {
                    await channel.WriteAsync(new ReadOnlySequence<byte>([0xC0, 0x00]), isEndOfPacket: true, ct);
                    return false;
                }
                catch (IOException ex)
                {
                    return ex.InnerException is IOException { Message: "socket closed" };
                }
            },
            TimeSpan.FromSeconds(10),
            "a write to fail",
            ct);
    }

    [Fact]
    public async Task Small_reads_are_served_from_one_large_read_and_return_the_bytes_in_order()
    {
        var ct = TestContext.Current.CancellationToken;
        var incoming = Enumerable.Range(0, 10_000).Select(i => (byte)i).ToArray();
        var socket = new RecordingChannel { Incoming = incoming };
        var channel = new CoalescingMqttChannel(socket);

        // When the bytes are read as MQTTnet does: a fixed header of 2, then bodies of up to 118
        var read = new List<byte>();
        var buffer = new byte[118];
        while (read.Count < incoming.Length)
        {
            var count = await channel.ReadAsync(buffer, 0, read.Count % 120 == 0 ? 2 : 118, ct);
            read.AddRange(buffer[..count]);
        }

        // Then
        Assert.Equal(incoming, read);
        Assert.Equal(1, socket.ReadCalls);
    }

    /// <summary>A socket stand-in: records writes (optionally held until released, or failing), serves reads from a byte array.</summary>
    private sealed class RecordingChannel : IMqttChannel
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _readAt;

        public bool HoldWrites { get; init; }

        public bool FailWrites { get; init; }

        public byte[] Incoming { get; init; } = [];

        public List<byte> Written { get; } = [];

        public int WriteCalls { get; private set; }

        public int ReadCalls { get; private set; }

        public bool Disconnected { get; private set; }

        public X509Certificate2 ClientCertificate => null!;

        public EndPoint RemoteEndPoint => new IPEndPoint(IPAddress.Loopback, 1883);

        public EndPoint LocalEndPoint => new IPEndPoint(IPAddress.Loopback, 50000);

        public bool IsSecureConnection => false;

        public void ReleaseWrites() => _release.TrySetResult();

        public Task ConnectAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task DisconnectAsync(CancellationToken cancellationToken)
        {
            Disconnected = true;
            return Task.CompletedTask;
        }

        public Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            ReadCalls++;
            var taken = Math.Min(count, Incoming.Length - _readAt);
            Array.Copy(Incoming, _readAt, buffer, offset, taken);
            _readAt += taken;
            return Task.FromResult(taken);
        }

        public async Task WriteAsync(ReadOnlySequence<byte> buffer, bool isEndOfPacket, CancellationToken cancellationToken)
        {
            WriteCalls++;
            if (FailWrites)
            {
                throw new IOException("socket closed");
            }

            var bytes = buffer.ToArray();
            if (HoldWrites)
            {
                await _release.Task;
            }

            lock (Written)
            {
                Written.AddRange(bytes);
            }
        }

        public void Dispose()
        {
        }
    }
}
