using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Simulators.LoRaWan;

namespace SmartOverhalla.Simulators.Tests.LoRaWan;

/// <summary>Devices, readings and frames for the LoRaWAN shape tests.</summary>
internal static class LoRaWanTestDevices
{
    public static readonly DateTimeOffset ReadingTime = new(2026, 12, 7, 10, 15, 2, TimeSpan.Zero);

    public static LoRaWanIdentity Meter(LoRaWanNetwork network) =>
        new(network, LoRaWanProfile.Water, DevEui.Of("overhalla", DeviceKind.Watermeter, "wm-0001"), "wm-0001");

    public static LoRaWanIdentity Light(LoRaWanNetwork network) =>
        new(network, LoRaWanProfile.Light, DevEui.Of("overhalla", DeviceKind.Streetlight, "sim-light-0001"), "sim-light-0001");

    public static WatermeterTelemetry WaterReading(bool leak = false) =>
        new("wm-0001", ReadingTime, VolumeL: 123_456.789, FlowLph: 12.3, WaterTempC: 8.47, BatteryPct: 97, new WatermeterAlarms(leak, false, false, false, false, false));

    public static StreetlightTelemetry LightReading(int dim = 0, bool lampOn = false) =>
        new("sim-light-0001", ReadingTime, dim, PowerW: 0.5, EnergyKWh: 1234.567891234, lampOn);

    /// <summary>A frame with the frame counter <paramref name="fCnt"/> (a radio's own counter starts at random).</summary>
    public static UplinkFrame Frame(LoRaWanIdentity device, UplinkPayload payload, uint fCnt)
    {
        var frame = new UplinkRadio(device, seed: 7).Next(payload, ReadingTime);
        return frame with { FCnt = fCnt };
    }
}
