using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Ingestion.Telemetry;

namespace SmartOverhalla.Ingestion.Tests;

public sealed class DeviceOnlineTrackerTests
{
    private static readonly DeviceTopic Light = new("overhalla", DeviceKind.Streetlight, "lys-1", MessageType.Status);
    private static readonly DateTimeOffset Connected = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Observe_LastWillStampedAtConnectTime_CountsTheDeviceOfflineAndStampsArrivalTime()
    {
        var tracker = new DeviceOnlineTracker();
        tracker.Observe(Light, new DeviceStatus("lys-1", Connected.AddMilliseconds(5), DeviceState.Online), Connected.AddMilliseconds(6));
        var died = Connected.AddHours(3);

        // The will was composed at connect, so its ts is before the online status it ends.
        var pointTime = tracker.Observe(Light, new DeviceStatus("lys-1", Connected, DeviceState.Offline), died);

        Assert.Equal(died, pointTime);
        Assert.Empty(tracker.OnlineByKind());
    }

    [Fact]
    public void Observe_OrdinaryStatuses_KeepTheDeviceTimeAndCountPerKind()
    {
        var tracker = new DeviceOnlineTracker();
        var meter = new DeviceTopic("overhalla", DeviceKind.Watermeter, "m-1", MessageType.Status);

        var lightTime = tracker.Observe(Light, new DeviceStatus("lys-1", Connected, DeviceState.Online), Connected.AddSeconds(1));
        tracker.Observe(meter, new DeviceStatus("m-1", Connected, DeviceState.Online), Connected.AddSeconds(1));

        Assert.Equal(Connected, lightTime);
        Assert.Equal(1, tracker.OnlineByKind()[DeviceKind.Streetlight]);
        Assert.Equal(1, tracker.OnlineByKind()[DeviceKind.Watermeter]);
    }
}
