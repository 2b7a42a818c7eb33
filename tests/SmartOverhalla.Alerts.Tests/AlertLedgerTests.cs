using SmartOverhalla.Contracts.Alerts;
using SmartOverhalla.Lighting.Alerts;

namespace SmartOverhalla.Alerts.Tests;

/// <summary>Deduplication and clearing, pure: the ledger is given its times.</summary>
public sealed class AlertLedgerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 15, 17, 0, 0, TimeSpan.Zero);
    private const string LampFailure = "lampFailure";
    private const string DriverFault = "driverFault";
    private const string Unresponsive = "unresponsive";
    private const string Recovered = "recovered";
    private static readonly AlertKey Lamp = new("overhalla", "streetlight", "sim-light-0003", LampFailure);
    private static readonly AlertKey Driver = Lamp with { Type = DriverFault };
    private static readonly AlertSource FromEvent = new(AlertSource.DeviceEvent, Detail: "no lamp current at 100 %");

    /// <summary>A ledger with the lighting domain's alert types, as the gateway has it.</summary>
    private static AlertLedger NewLedger() => new(new AlertCatalogue(LightingAlertTypes.All), TimeSpan.FromDays(7));

    [Fact]
    public void Raise_FirstReport_OpensAnAlertWithTheCatalogueTextsAtTheReportTime()
    {
        var ledger = NewLedger();

        var alert = ledger.Raise(Lamp, T0.ToOffset(TimeSpan.FromHours(1)), FromEvent);

        Assert.NotNull(alert);
        Assert.Equal(("overhalla", "streetlight", "sim-light-0003"), (alert.Municipality, alert.Kind, alert.Device));
        Assert.Equal(LampFailure, alert.Type);
        Assert.Equal(AlertSeverity.Critical, alert.Severity);
        Assert.Equal("Lampen er defekt", alert.Message);
        Assert.Equal(T0, alert.RaisedAt);
        Assert.Equal(TimeSpan.Zero, alert.RaisedAt.Offset);
        Assert.True(alert.Active);
        Assert.Equal(FromEvent, alert.Source);
        Assert.Equal(1, ledger.OpenCount);
    }

    [Fact]
    public void Raise_SameDeviceAndTypeStillOpen_RaisesNothing()
    {
        var ledger = NewLedger();
        var first = ledger.Raise(Lamp, T0, FromEvent);

        var again = ledger.Raise(Lamp, T0.AddMinutes(5), FromEvent);

        Assert.Null(again);
        Assert.Equal(first, Assert.Single(ledger.Query(new AlertFilter(), T0)));
    }

    [Fact]
    public void Raise_OtherTypeOrOtherDevice_OpensAnAlertOfItsOwn()
    {
        var ledger = NewLedger();
        ledger.Raise(Lamp, T0, FromEvent);

        Assert.NotNull(ledger.Raise(Driver, T0, FromEvent));
        Assert.NotNull(ledger.Raise(Lamp with { Device = "sim-light-0004" }, T0, FromEvent));
        Assert.NotNull(ledger.Raise(Lamp with { Municipality = "namsos" }, T0, FromEvent));
        Assert.Equal(4, ledger.OpenCount);
    }

    [Fact]
    public void Clear_OpenAlert_ReturnsItClearedWithTimeReasonAndText()
    {
        var ledger = NewLedger();
        var raised = ledger.Raise(Lamp, T0, FromEvent)!;

        var cleared = ledger.Clear(Lamp, T0.AddHours(2), Recovered);

        Assert.NotNull(cleared);
        Assert.Equal(raised.Id, cleared.Id);
        Assert.False(cleared.Active);
        Assert.Equal(T0.AddHours(2), cleared.ClearedAt);
        Assert.Equal("recovered", cleared.ClearedBy);
        Assert.Equal("Lampen virker igjen", cleared.ClearedMessage);
        Assert.Equal(0, ledger.OpenCount);
    }

    [Fact]
    public void Clear_NothingOpen_ReturnsNull()
    {
        var ledger = NewLedger();
        ledger.Raise(Driver, T0, FromEvent);

        Assert.Null(ledger.Clear(Lamp, T0.AddMinutes(1), Recovered));
        Assert.Equal(1, ledger.OpenCount);
    }

    [Fact]
    public void Clear_ReportOlderThanTheRaise_IsIgnored()
    {
        var ledger = NewLedger();
        ledger.Raise(Lamp, T0, FromEvent);

        Assert.Null(ledger.Clear(Lamp, T0.AddSeconds(-1), Recovered));
        Assert.Equal(1, ledger.OpenCount);
    }

    [Fact]
    public void Clear_AtTheRaiseInstant_IsMovedOneMillisecondLaterSoTheInfluxPointsDoNotCollide()
    {
        var ledger = NewLedger();
        ledger.Raise(Lamp, T0, FromEvent);

        var cleared = ledger.Clear(Lamp, T0, "ack");

        Assert.Equal(T0.AddMilliseconds(1), cleared!.ClearedAt);
    }

    [Fact]
    public void Raise_RedeliveredEventFromBeforeTheLastClear_RaisesNothing()
    {
        var ledger = NewLedger();
        ledger.Raise(Lamp, T0, FromEvent);
        ledger.Clear(Lamp, T0.AddHours(1), Recovered);

        Assert.Null(ledger.Raise(Lamp, T0, FromEvent));
        Assert.Null(ledger.Raise(Lamp, T0.AddHours(1), FromEvent));
        var again = ledger.Raise(Lamp, T0.AddHours(1).AddSeconds(1), FromEvent);

        Assert.NotNull(again);
        Assert.Equal(2, ledger.Query(new AlertFilter(Type: LampFailure), T0.AddHours(2)).Count);
    }

    [Fact]
    public void Query_Filters_AndListsOpenFirstThenNewestFirst()
    {
        var ledger = NewLedger();
        ledger.Raise(Lamp, T0, FromEvent);
        ledger.Raise(Driver, T0.AddMinutes(1), FromEvent);
        var unresponsive = new AlertKey("namsos", "streetlight", "lys-1", Unresponsive);
        ledger.Raise(unresponsive, T0.AddMinutes(2), new AlertSource(AlertSource.CommandSilence, CmdId: "c1", Attempts: 4));
        ledger.Clear(Lamp, T0.AddMinutes(3), Recovered);
        var now = T0.AddMinutes(4);

        Assert.Equal([Unresponsive, DriverFault, LampFailure], ledger.Query(new AlertFilter(), now).Select(a => a.Type));
        Assert.Equal([Unresponsive, DriverFault], ledger.Query(new AlertFilter(Active: true), now).Select(a => a.Type));
        Assert.Equal([LampFailure], ledger.Query(new AlertFilter(Active: false), now).Select(a => a.Type));
        Assert.Equal([Unresponsive], ledger.Query(new AlertFilter(Municipality: "namsos"), now).Select(a => a.Type));
        Assert.Equal([DriverFault], ledger.Query(new AlertFilter(Type: DriverFault, Device: "sim-light-0003"), now).Select(a => a.Type));
        Assert.Empty(ledger.Query(new AlertFilter(Device: "sim-light-9999"), now));
    }

    [Fact]
    public void Query_ClearedAlertsPastTheRetention_AreGoneButOpenOnesStay()
    {
        var ledger = NewLedger();
        ledger.Raise(Lamp, T0, FromEvent);
        ledger.Clear(Lamp, T0.AddHours(1), Recovered);
        ledger.Raise(Driver, T0, FromEvent);

        Assert.Equal(2, ledger.Query(new AlertFilter(), T0.AddDays(7)).Count);
        Assert.Equal(DriverFault, Assert.Single(ledger.Query(new AlertFilter(), T0.AddDays(8))).Type);
    }

    [Fact]
    public void Constructor_RestoredAlerts_StayOpenAndStillDeduplicate()
    {
        var before = NewLedger();
        before.Raise(Lamp, T0, FromEvent);
        before.Raise(Driver, T0, FromEvent);
        before.Clear(Driver, T0.AddHours(1), Recovered);

        var after = new AlertLedger(new AlertCatalogue(LightingAlertTypes.All), TimeSpan.FromDays(7), before.Snapshot(T0.AddHours(2)));

        Assert.Equal(1, after.OpenCount);
        Assert.Null(after.Raise(Lamp, T0.AddHours(3), FromEvent));
        Assert.Null(after.Raise(Driver, T0.AddMinutes(30), FromEvent));
        Assert.Equal(before.Query(new AlertFilter(), T0.AddHours(2)), after.Query(new AlertFilter(), T0.AddHours(2)));
    }

    [Fact]
    public void Version_MovesOnEveryChangeOnly()
    {
        var ledger = NewLedger();
        var start = ledger.Version;
        ledger.Raise(Lamp, T0, FromEvent);
        var raised = ledger.Version;
        ledger.Raise(Lamp, T0, FromEvent);
        ledger.Clear(Driver, T0, Recovered);

        Assert.True(raised > start);
        Assert.Equal(raised, ledger.Version);
    }

    [Fact]
    public void Query_AfterTheRetention_ForgetsTheLastClearsOfKeysClearedBeforeIt()
    {
        var ledger = NewLedger();
        ledger.Raise(Lamp, T0, FromEvent);
        ledger.Clear(Lamp, T0.AddHours(1), Recovered);
        ledger.Raise(Driver, T0.AddDays(5), FromEvent);
        ledger.Clear(Driver, T0.AddDays(5).AddHours(1), Recovered);
        Assert.Equal(2, ledger.RememberedClears);

        // Eight days after the first clear, three after the second: the first is past the 7-day retention.
        ledger.Query(new AlertFilter(), T0.AddDays(8));

        Assert.Equal(1, ledger.RememberedClears);
    }
}
