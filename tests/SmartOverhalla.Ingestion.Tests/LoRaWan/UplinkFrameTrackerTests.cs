using SmartOverhalla.Ingestion.LoRaWan;
using SmartOverhalla.LoRaWan;
using SmartOverhalla.LoRaWan.Uplinks;

namespace SmartOverhalla.Ingestion.Tests.LoRaWan;

/// <summary>When a second uplink with a frame counter seen before is the same uplink, and when it is a new reading.</summary>
public sealed class UplinkFrameTrackerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 6, 0, 1, TimeSpan.Zero);

    private static NetworkUplink Uplink(long fCnt, DateTimeOffset receivedAt, string frame) =>
        new(LoRaWanNetwork.ChirpStack, "app", "vannmalere", null, "SO-Water-LoRa", null, "70B3D5E75E000001", "wm-1", fCnt, 2, receivedAt, null, new RadioQuality(-90, 5, 1))
        {
            FramePayload = frame,
        };

    [Fact]
    public void Stamp_SameFrameFromAnotherIntegration_GetsTheFirstCopysTime()
    {
        var tracker = new UplinkFrameTracker(TimeSpan.FromMinutes(10), 1_000);
        tracker.Stamp(Uplink(7, T0, "AQID"));

        var second = tracker.Stamp(Uplink(7, T0.AddMilliseconds(400), "AQID"));

        Assert.Equal(T0, second);
    }

    [Fact]
    public void Stamp_SameCounterWithOtherBytesAfterARejoin_IsANewReading()
    {
        // Given fCnt 1 at 06:00:01, then the meter rejoins and sends fCnt 1 again at 06:04 with its new register
        var tracker = new UplinkFrameTracker(TimeSpan.FromMinutes(10), 1_000);
        tracker.Stamp(Uplink(1, T0, "AQID"));

        var after = tracker.Stamp(Uplink(1, T0.AddMinutes(4), "BAUG"));

        // Then it keeps its own time: it does not land on, and overwrite, the first reading's point
        Assert.Equal(T0.AddMinutes(4), after);
    }

    [Fact]
    public void Stamp_SameFrameOutsideTheWindow_IsANewReading()
    {
        var tracker = new UplinkFrameTracker(TimeSpan.FromMinutes(10), 1_000);
        tracker.Stamp(Uplink(3, T0, "AQID"));

        Assert.Equal(T0.AddMinutes(11), tracker.Stamp(Uplink(3, T0.AddMinutes(11), "AQID")));
    }

    [Fact]
    public void Stamp_BeyondCapacity_ForgetsTheOldestFrame()
    {
        var tracker = new UplinkFrameTracker(TimeSpan.FromMinutes(10), 1_000);
        for (var fCnt = 0; fCnt <= 1_000; fCnt++)
        {
            tracker.Stamp(Uplink(fCnt, T0, "AQID"));
        }

        // Frame 0 was forgotten, so a copy of it keeps its own time; frame 1000 is still known
        Assert.Equal(T0.AddSeconds(1), tracker.Stamp(Uplink(0, T0.AddSeconds(1), "AQID")));
        Assert.Equal(T0, tracker.Stamp(Uplink(1_000, T0.AddSeconds(1), "AQID")));
    }
}
