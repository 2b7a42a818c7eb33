using System.Buffers.Binary;
using System.Text.Json;
using SmartOverhalla.Contracts.Messages;

namespace SmartOverhalla.Simulators.LoRaWan;

/// <summary>
/// What a simulated LoRaWAN device sends: its FRMPayload (a compact big-endian encoding, version byte first) and what
/// the network server's payload codec makes of it, the decoded fields the mapping file reads (lorawan.md, "Mapping
/// file"): water <c>volume_m3, flow_m3h, temperature, battery, alarms.*</c>; light <c>dim, power_w, energy_wh, lamp_on</c>.
/// </summary>
internal abstract record UplinkPayload
{
    protected const byte FormatVersion = 1;

    /// <summary>The uplink of a telemetry reading; null for any other message (statuses and events have no LoRaWAN uplink).</summary>
    public static UplinkPayload? From(IDeviceMessage message) => message switch
    {
        WatermeterTelemetry water => WaterUplink.From(water),
        StreetlightTelemetry light => LightUplink.From(light),
        _ => null,
    };

    /// <summary>The FRMPayload bytes.</summary>
    public abstract byte[] Encode();

    /// <summary>
    /// Writes the codec's output as a JSON object. <paramref name="omitFalseAlarms"/> leaves out alarm flags that are
    /// off, as a TTS codec that reports only raised flags does (the mapping's <c>default: false</c> covers them).
    /// </summary>
    public abstract void WriteDecoded(Utf8JsonWriter writer, bool omitFalseAlarms);
}

/// <summary>A water meter reading in the SO-Water-LoRa profile's units: m³, m³/h, °C, %.</summary>
internal sealed record WaterUplink(double VolumeM3, double FlowM3h, double Temperature, int Battery, WatermeterAlarms Alarms) : UplinkPayload
{
    public static WaterUplink From(WatermeterTelemetry reading) =>
        new(Math.Round(reading.VolumeL / 1000, 6), Math.Round(reading.FlowLph / 1000, 4), Math.Round(reading.WaterTempC, 2), reading.BatteryPct, reading.Alarms);

    /// <summary>Version, volume in ml (u64), flow in 0.1 L/h (u32), temperature in 0.01 °C (i16), battery % (u8), alarm bits (u8).</summary>
    public override byte[] Encode()
    {
        var bytes = new byte[17];
        bytes[0] = FormatVersion;
        BinaryPrimitives.WriteUInt64BigEndian(bytes.AsSpan(1), (ulong)Math.Max(0, Math.Round(VolumeM3 * 1_000_000)));
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(9), (uint)Math.Clamp(Math.Round(FlowM3h * 10_000), 0, uint.MaxValue));
        BinaryPrimitives.WriteInt16BigEndian(bytes.AsSpan(13), (short)Math.Clamp(Math.Round(Temperature * 100), short.MinValue, short.MaxValue));
        bytes[15] = (byte)Math.Clamp(Battery, 0, 255);
        bytes[16] = (byte)((Alarms.Leak ? 1 : 0) | (Alarms.Burst ? 2 : 0) | (Alarms.Backflow ? 4 : 0)
            | (Alarms.Dry ? 8 : 0) | (Alarms.Tamper ? 16 : 0) | (Alarms.LowBattery ? 32 : 0));
        return bytes;
    }

    public override void WriteDecoded(Utf8JsonWriter writer, bool omitFalseAlarms)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteNumber("volume_m3", VolumeM3);
        writer.WriteNumber("flow_m3h", FlowM3h);
        writer.WriteNumber("temperature", Temperature);
        writer.WriteNumber("battery", Battery);
        writer.WriteStartObject("alarms");
        foreach (var (name, on) in new[]
        {
            ("leak", Alarms.Leak), ("burst", Alarms.Burst), ("backflow", Alarms.Backflow),
            ("dry", Alarms.Dry), ("tamper", Alarms.Tamper), ("low_battery", Alarms.LowBattery),
        })
        {
            if (on || !omitFalseAlarms)
            {
                writer.WriteBoolean(name, on);
            }
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}

/// <summary>A street light reading in the SO-Light-LoRa profile's units: %, W, Wh.</summary>
internal sealed record LightUplink(int Dim, double PowerW, double EnergyWh, bool LampOn) : UplinkPayload
{
    public static LightUplink From(StreetlightTelemetry reading) =>
        new(reading.DimLevel, reading.PowerW, Math.Round(reading.EnergyKWh * 1000, 6), reading.LampOn);

    /// <summary>Version, dim % (u8), power in 0.01 W (u32), energy in mWh (u64), lamp on (u8).</summary>
    public override byte[] Encode()
    {
        var bytes = new byte[15];
        bytes[0] = FormatVersion;
        bytes[1] = (byte)Math.Clamp(Dim, 0, 255);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(2), (uint)Math.Clamp(Math.Round(PowerW * 100), 0, uint.MaxValue));
        BinaryPrimitives.WriteUInt64BigEndian(bytes.AsSpan(6), (ulong)Math.Max(0, Math.Round(EnergyWh * 1000)));
        bytes[14] = LampOn ? (byte)1 : (byte)0;
        return bytes;
    }

    /// <summary>Every field always: <c>dim</c> 0 and <c>lamp_on</c> false are readings the mapping has no default for.</summary>
    public override void WriteDecoded(Utf8JsonWriter writer, bool omitFalseAlarms)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteNumber("dim", Dim);
        writer.WriteNumber("power_w", PowerW);
        writer.WriteNumber("energy_wh", EnergyWh);
        writer.WriteBoolean("lamp_on", LampOn);
        writer.WriteEndObject();
    }
}
