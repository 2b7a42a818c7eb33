using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Simulators.Devices;
using SmartOverhalla.Simulators.Devices.Commands;
using SmartOverhalla.Simulators.Hosting;
using SmartOverhalla.Simulators.Models.Streetlights;
using SmartOverhalla.Simulators.Tests.Support;

namespace SmartOverhalla.Simulators.Tests.Devices.Commands;

public sealed class CommandInboxTests : IDisposable
{
    private static readonly DateTimeOffset WinterEvening = new(2026, 1, 15, 19, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(WinterEvening);
    private readonly FakeLogger _logger = new();
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly SimulatorMetrics _metrics;
    private readonly MetricCollector<long> _commands;
    private readonly StreetlightModel _light;
    private readonly DeviceOutbox _outbox = new();

    public CommandInboxTests()
    {
        var meters = _services.GetRequiredService<IMeterFactory>();
        _metrics = new SimulatorMetrics(meters);
        _commands = new MetricCollector<long>(meters, SimulatorMetrics.MeterName, "smartoverhalla.simulators.commands");
        _light = new StreetlightModel("light-1", seed: 5, _time);
    }

    [Fact]
    public async Task HandleReceived_TheSameCmdIdAgain_AppliesItOnceAndAnswersItTwiceAlike()
    {
        // Given A (30 %), B (70 %), then A delivered again
        var inbox = Inbox(AckPolicy.Immediate);
        await ReceiveAsync(inbox, PlatformCommands.SetDim("A", 30, WinterEvening));
        await ReceiveAsync(inbox, PlatformCommands.SetDim("B", 70, WinterEvening));
        await ReceiveAsync(inbox, PlatformCommands.SetDim("A", 30, WinterEvening));

        // When the loop handles them
        inbox.HandleReceived(WinterEvening, _outbox);

        // Then three acks are due now, the repeated one identical to the first
        var acks = TakeDue(WinterEvening);
        Assert.Equal(["A", "B", "A"], acks.Select(a => a.CmdId));
        Assert.Equal(acks[0], acks[2]);
        Assert.Equal(30, acks[0].AppliedLevel);

        // And A was not applied again: the light stays at B's level
        Assert.Equal(70, _light.Next().DimLevel);
        Assert.Equal(2, Outcomes(CommandOutcomes.Applied));
        Assert.Equal(1, Outcomes(CommandOutcomes.Duplicate));
    }

    [Fact]
    public async Task HandleReceived_AnInvalidCommand_AnswersRejectedWithTheReasonAndAWarning()
    {
        var inbox = Inbox(AckPolicy.Immediate);
        await ReceiveAsync(inbox, PlatformCommands.SetDim("A", 140, WinterEvening));

        inbox.HandleReceived(WinterEvening, _outbox);

        var ack = Assert.Single(TakeDue(WinterEvening));
        Assert.Equal(new CommandAck("light-1", WinterEvening, "A", AckResult.Rejected, Reason: "level 140 is outside 0-100"), ack);
        Assert.Contains(_logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Warning && r.Message.Contains("rejected command A", StringComparison.Ordinal));
        Assert.Equal(1, Outcomes(CommandOutcomes.Rejected));
    }

    [Fact]
    public async Task ReceiveAsync_APayloadWithoutCmdId_IsDroppedWithAWarningAndNeverAnswered()
    {
        var inbox = Inbox(AckPolicy.Immediate);

        await ReceiveAsync(inbox, "{\"type\":\"setDim\",\"level\":50}"u8.ToArray());
        inbox.HandleReceived(WinterEvening, _outbox);

        Assert.Equal(0, inbox.Pending);
        Assert.Equal(0, _outbox.Count);
        Assert.Contains(_logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Warning && r.Message.Contains("cmdId is missing", StringComparison.Ordinal));
        Assert.Equal(1, Outcomes(CommandOutcomes.Dropped));
    }

    [Fact]
    public async Task HandleReceived_ForALightThatNeverAcks_AppliesTheCommandWithoutAnAck()
    {
        var inbox = Inbox(AckPolicy.Never);
        await ReceiveAsync(inbox, PlatformCommands.SetDim("A", 20, WinterEvening));

        inbox.HandleReceived(WinterEvening, _outbox);

        Assert.Equal(0, _outbox.Count);
        Assert.Equal(20, _light.Next().DimLevel);
        Assert.Contains(_logger.Collector.GetSnapshot(), r => r.Message.Contains("withholds the ack of command A", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HandleReceived_ForASlowLight_QueuesTheAckForTheDelayLater()
    {
        // Given a light that acks 30 s late
        var inbox = Inbox(AckPolicy.After(TimeSpan.FromSeconds(30)));
        await ReceiveAsync(inbox, PlatformCommands.SetDim("A", 20, WinterEvening));

        // When it handles a command
        inbox.HandleReceived(WinterEvening, _outbox);

        // Then the level applies at once, and the ack (stamped with when it acted) is due 30 s later, not a tick before
        Assert.Equal(20, _light.Next().DimLevel);
        Assert.Equal(WinterEvening.AddSeconds(30), _outbox.NextDue);
        Assert.Empty(TakeDue(WinterEvening.AddSeconds(30).AddTicks(-1)));
        var ack = Assert.Single(TakeDue(WinterEvening.AddSeconds(30)));
        Assert.Equal(WinterEvening, ack.Ts);
    }

    public void Dispose()
    {
        _commands.Dispose();
        _services.Dispose();
    }

    private CommandInbox Inbox(AckPolicy acks) => new("light-1", _light, acks, _logger, _metrics);

    private static Task ReceiveAsync(CommandInbox inbox, byte[] payload) =>
        inbox.ReceiveAsync(payload, TestContext.Current.CancellationToken).AsTask();

    private List<CommandAck> TakeDue(DateTimeOffset now)
    {
        var due = new List<CommandAck>();
        while (_outbox.TryPeekDue(now, out var entry))
        {
            Assert.Equal(MessageType.Ack, entry.Type);
            due.Add(Assert.IsType<CommandAck>(entry.Message));
            _outbox.RemoveFirst();
        }

        return due;
    }

    private long Outcomes(string outcome) =>
        _commands.GetMeasurementSnapshot().Where(m => (string?)m.Tags["command.outcome"] == outcome).Sum(m => m.Value);
}
