using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Simulators.Devices;

namespace SmartOverhalla.Simulators.Tests.Devices;

public sealed class DeviceOutboxTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 15, 19, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TryPeekDue_WithMessagesAddedOutOfOrder_GivesThemByDueTimeAndEqualTimesInArrivalOrder()
    {
        // Given a slow ack due in 30 s, then an event and an ack due now
        var outbox = new DeviceOutbox();
        outbox.Add(T0.AddSeconds(30), MessageType.Ack, Ack("late"));
        outbox.Add(T0, MessageType.Event, new DeviceEvent("light-1", T0, "lampFailure"));
        outbox.Add(T0, MessageType.Ack, Ack("now"));

        // When taking what is due now, then what is due 30 s later
        var now = Drain(outbox, T0);
        var later = Drain(outbox, T0.AddSeconds(30));

        // Then
        Assert.Equal([MessageType.Event, MessageType.Ack], now.Select(e => e.Type));
        Assert.Equal("now", ((CommandAck)now[1].Message).CmdId);
        Assert.Equal("late", ((CommandAck)Assert.Single(later).Message).CmdId);
        Assert.Null(outbox.NextDue);
    }

    private static CommandAck Ack(string cmdId) => new("light-1", T0, cmdId, AckResult.Applied, 50);

    private static List<OutboxEntry> Drain(DeviceOutbox outbox, DateTimeOffset now)
    {
        var taken = new List<OutboxEntry>();
        while (outbox.TryPeekDue(now, out var entry))
        {
            taken.Add(entry);
            outbox.RemoveFirst();
        }

        return taken;
    }
}
