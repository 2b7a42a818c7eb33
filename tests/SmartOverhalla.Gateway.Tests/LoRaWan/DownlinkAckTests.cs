using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Gateway.LoRaWan;
using SmartOverhalla.LoRaWan.Downlinks;

namespace SmartOverhalla.Gateway.Tests.LoRaWan;

/// <summary>A network server's report that the light acknowledged a confirmed downlink (ChirpStack event/ack, TTS down/ack and down/nack).</summary>
public sealed class DownlinkAckTests
{
    private static readonly DateTimeOffset AckedAt = ObserverParts.Now.AddSeconds(3);

    [Fact]
    public async Task Observe_ChirpStackAckAcknowledged_CompletesTheCommandWithTheSentLevel()
    {
        // Given a downlink of command cmd-40 (40 %) sent, its sender waiting
        using var parts = new ObserverParts().WithLight();
        var waiter = SentCommand(parts, "cmd-40", 40);

        // When ChirpStack reports its queue item acknowledged
        parts.Observer.Observe(NetworkServerJson.ChirpStackAckTopic, NetworkServerJson.Sequence(NetworkServerJson.ChirpStackAckOf("cmd-40", acknowledged: true, AckedAt)));

        // Then the sender gets an applied ack with the level it sent, at the network server's time
        Assert.True(waiter.IsCompletedSuccessfully);
        Assert.Equal(new CommandAck(NetworkServerJson.LightId, AckedAt, "cmd-40", AckResult.Applied, 40), await waiter);
    }

    [Fact]
    public void Observe_ChirpStackAckWithNobodyWaiting_RecordsTheAckedLevel()
    {
        // Given a downlink whose sender gave up waiting (a late acknowledgement)
        using var parts = new ObserverParts().WithLight();
        parts.Sent.Add(new SentDownlink("cmd-40", NetworkServerJson.Municipality, NetworkServerJson.LightId, 40, ObserverParts.Now));
        parts.Store.Update(NetworkServerJson.Municipality, NetworkServerJson.LightId, s => s with { PendingCmdId = "cmd-40", PendingLevel = 40 });

        parts.Observer.Observe(NetworkServerJson.ChirpStackAckTopic, NetworkServerJson.Sequence(NetworkServerJson.ChirpStackAckOf("cmd-40", acknowledged: true, AckedAt)));

        Assert.Equal(40, parts.Light?.AckedLevel);
        Assert.Null(parts.Light?.PendingCmdId);
    }

    [Fact]
    public void Observe_ChirpStackAckRepeatedAfterANewerCommand_DoesNotSetTheOlderLevelAgain()
    {
        // Given a downlink of 40 % that was acknowledged, then a newer command to 70 % that was acknowledged too
        using var parts = new ObserverParts().WithLight();
        parts.Sent.Add(new SentDownlink("cmd-40", NetworkServerJson.Municipality, NetworkServerJson.LightId, 40, ObserverParts.Now));
        parts.Observer.Observe(NetworkServerJson.ChirpStackAckTopic, NetworkServerJson.Sequence(NetworkServerJson.ChirpStackAckOf("cmd-40", acknowledged: true, AckedAt)));
        parts.Sent.Add(new SentDownlink("cmd-70", NetworkServerJson.Municipality, NetworkServerJson.LightId, 70, ObserverParts.Now));
        parts.Observer.Observe(NetworkServerJson.ChirpStackAckTopic, NetworkServerJson.Sequence(NetworkServerJson.ChirpStackAckOf("cmd-70", acknowledged: true, AckedAt)));
        Assert.Equal(70, parts.Light?.AckedLevel);

        // When the first acknowledgement is delivered again (the broker re-delivers it)
        parts.Observer.Observe(NetworkServerJson.ChirpStackAckTopic, NetworkServerJson.Sequence(NetworkServerJson.ChirpStackAckOf("cmd-40", acknowledged: true, AckedAt)));

        // Then the light keeps the newer level
        Assert.Equal(70, parts.Light?.AckedLevel);
    }

    [Fact]
    public void Observe_ChirpStackAckNotAcknowledged_LeavesTheCommandWaiting()
    {
        // Given a sent downlink
        using var parts = new ObserverParts().WithLight();
        var waiter = SentCommand(parts, "cmd-40", 40);

        // When ChirpStack reports that the light did not acknowledge it (timed out)
        parts.Observer.Observe(NetworkServerJson.ChirpStackAckTopic, NetworkServerJson.Sequence(NetworkServerJson.ChirpStackAckOf("cmd-40", acknowledged: false, AckedAt)));

        // Then the command still waits (its retries go on), nothing is recorded as acked, and it is logged
        Assert.False(waiter.IsCompleted);
        Assert.Null(parts.Light?.AckedLevel);
        Assert.Equal("cmd-40", parts.Light?.PendingCmdId);
        Assert.Contains(parts.ObserverLog.Collector.GetSnapshot(), r => r.Id.Id == 2205 && r.Message.Contains("cmd-40", StringComparison.Ordinal));
    }

    [Fact]
    public void Observe_ChirpStackAckWithoutAcknowledgedField_LeavesTheCommandWaiting()
    {
        // protobuf's JSON may leave a false 'acknowledged' out
        using var parts = new ObserverParts().WithLight();
        var waiter = SentCommand(parts, "cmd-40", 40);
        var json = NetworkServerJson.ChirpStackAckOf("cmd-40", acknowledged: true, AckedAt);
        json.Remove("acknowledged");

        parts.Observer.Observe(NetworkServerJson.ChirpStackAckTopic, NetworkServerJson.Sequence(json));

        Assert.False(waiter.IsCompleted);
        Assert.Null(parts.Light?.AckedLevel);
    }

    [Fact]
    public void Observe_ChirpStackAckOfAnUnknownQueueItem_IsIgnored()
    {
        // Given a sent downlink
        using var parts = new ObserverParts().WithLight();
        var waiter = SentCommand(parts, "cmd-40", 40);

        // When ChirpStack acknowledges a queue item the gateway did not send (another application's, or from before a restart)
        parts.Observer.Observe(NetworkServerJson.ChirpStackAckTopic, NetworkServerJson.Sequence(NetworkServerJson.ChirpStackAck("5e6f2c1a-9b7d-4e3f-8a21-0c4d6e8f1a2b", acknowledged: true, AckedAt)));
        parts.Observer.Observe(NetworkServerJson.ChirpStackAckTopic, NetworkServerJson.Sequence(NetworkServerJson.ChirpStackAckOf("cmd-other", acknowledged: true, AckedAt)));

        // Then nothing is completed or recorded
        Assert.False(waiter.IsCompleted);
        Assert.Null(parts.Light?.AckedLevel);
        Assert.Equal("cmd-40", parts.Light?.PendingCmdId);
    }

    [Fact]
    public async Task Observe_TtsDownAck_CompletesTheCommandWithTheSentLevel()
    {
        using var parts = new ObserverParts().WithLight();
        var waiter = SentCommand(parts, "cmd-40", 40);

        parts.Observer.Observe(NetworkServerJson.TtsAckTopic, NetworkServerJson.Sequence(NetworkServerJson.TtsAck(ack: true, ["as:downlink:01JEHF3C9M1N3P5Q7R9S1T3V5W", CommandCorrelation.CorrelationId("cmd-40")], AckedAt)));

        Assert.True(waiter.IsCompletedSuccessfully);
        Assert.Equal(new CommandAck(NetworkServerJson.LightId, AckedAt, "cmd-40", AckResult.Applied, 40), await waiter);
    }

    [Fact]
    public void Observe_TtsDownNack_LeavesTheCommandWaiting()
    {
        using var parts = new ObserverParts().WithLight();
        var waiter = SentCommand(parts, "cmd-40", 40);

        parts.Observer.Observe(NetworkServerJson.TtsNackTopic, NetworkServerJson.Sequence(NetworkServerJson.TtsAck(ack: false, [CommandCorrelation.CorrelationId("cmd-40")], AckedAt)));

        Assert.False(waiter.IsCompleted);
        Assert.Null(parts.Light?.AckedLevel);
        Assert.Contains(parts.ObserverLog.Collector.GetSnapshot(), r => r.Id.Id == 2205);
    }

    [Fact]
    public void Observe_TtsDownAckOfAnUnknownCorrelationId_IsIgnored()
    {
        using var parts = new ObserverParts().WithLight();
        var waiter = SentCommand(parts, "cmd-40", 40);

        parts.Observer.Observe(NetworkServerJson.TtsAckTopic, NetworkServerJson.Sequence(NetworkServerJson.TtsAck(ack: true, [CommandCorrelation.CorrelationId("cmd-other")], AckedAt)));
        parts.Observer.Observe(NetworkServerJson.TtsAckTopic, NetworkServerJson.Sequence(NetworkServerJson.TtsAck(ack: true, ["as:downlink:01JEHF3C9M1N3P5Q7R9S1T3V5W"], AckedAt)));

        Assert.False(waiter.IsCompleted);
        Assert.Null(parts.Light?.AckedLevel);
    }

    [Fact]
    public void Observe_UnreadableAck_IsLoggedAndChangesNothing()
    {
        using var parts = new ObserverParts().WithLight();
        var waiter = SentCommand(parts, "cmd-40", 40);

        parts.Observer.Observe(NetworkServerJson.ChirpStackAckTopic, new System.Buffers.ReadOnlySequence<byte>("{\"queueItemId\":"u8.ToArray()));

        Assert.False(waiter.IsCompleted);
        Assert.Contains(parts.ObserverLog.Collector.GetSnapshot(), r => r.Id.Id == 2204);
    }

    [Fact]
    public void TryFind_BeyondCapacity_ForgetsTheOldestFirst()
    {
        // Given the list full, oldest first
        var sent = new SentDownlinks();
        for (var i = 0; i < SentDownlinks.Capacity; i++)
        {
            sent.Add(Downlink($"cmd-{i}"));
        }

        Assert.True(sent.TryFind(ChirpStackAck("cmd-0"), out _));

        // When one more is sent
        sent.Add(Downlink("cmd-new"));

        // Then the oldest is forgotten (by queue item id and by command id), the next oldest and the new one are kept
        Assert.False(sent.TryFind(ChirpStackAck("cmd-0"), out _));
        Assert.False(sent.TryFind(TtsAck("cmd-0"), out _));
        Assert.True(sent.TryFind(ChirpStackAck("cmd-1"), out var next));
        Assert.Equal("cmd-1", next.CmdId);
        Assert.True(sent.TryFind(TtsAck("cmd-new"), out _));
    }

    [Fact]
    public void Add_SameCommandResent_KeepsOnePlace()
    {
        // Given a command sent twice (a retry keeps its cmdId), then the list filled up to its capacity
        var sent = new SentDownlinks();
        sent.Add(Downlink("cmd-retried"));
        sent.Add(Downlink("cmd-retried") with { SentAt = ObserverParts.Now.AddSeconds(10) });
        for (var i = 1; i < SentDownlinks.Capacity; i++)
        {
            sent.Add(Downlink($"cmd-{i}"));
        }

        // Then the retried command counted once: it is still known
        Assert.True(sent.TryFind(ChirpStackAck("cmd-retried"), out var found));
        Assert.Equal(ObserverParts.Now, found.SentAt);
    }

    private static Task<CommandAck> SentCommand(ObserverParts parts, string cmdId, int level)
    {
        parts.Sent.Add(new SentDownlink(cmdId, NetworkServerJson.Municipality, NetworkServerJson.LightId, level, ObserverParts.Now));
        return LoRaWanUplinkObserverTests.PendingCommand(parts, cmdId, level);
    }

    private static SentDownlink Downlink(string cmdId) => new(cmdId, NetworkServerJson.Municipality, NetworkServerJson.LightId, 40, ObserverParts.Now);

    private static DownlinkAck ChirpStackAck(string cmdId) =>
        new(SmartOverhalla.LoRaWan.LoRaWanNetwork.ChirpStack, NetworkServerJson.DevEui, true, CommandCorrelation.QueueItemId(cmdId), null, null);

    private static DownlinkAck TtsAck(string cmdId) =>
        new(SmartOverhalla.LoRaWan.LoRaWanNetwork.TheThingsStack, NetworkServerJson.DevEui, true, null, cmdId, null);
}
