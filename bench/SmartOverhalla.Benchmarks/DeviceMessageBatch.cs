using System.Buffers;
using System.Globalization;
using System.Text;

namespace SmartOverhalla.Benchmarks;

/// <summary>
/// A deterministic batch of MQTT messages as devices send them (topic + UTF-8 JSON payload), in the proportions of a
/// municipality: mostly street-light and water-meter telemetry, some plough fixes, a few events, statuses and acks.
/// </summary>
public static class DeviceMessageBatch
{
    public const int Size = 5_000;

    public static readonly DateTimeOffset Now = new(2026, 1, 15, 17, 0, 0, TimeSpan.Zero);

    public static (string Topic, ReadOnlySequence<byte> Payload)[] Create(int seed = 42)
    {
        var random = new Random(seed);
        var messages = new (string, ReadOnlySequence<byte>)[Size];
        for (var i = 0; i < Size; i++)
        {
            var ts = Now.AddSeconds(-(Size - i)).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
            var (kind, message, json) = (i % 20) switch
            {
                < 10 => ("streetlight", "telemetry", Invariant(
                    $$$"""{"deviceId":"{0}","ts":"{{{ts}}}","dimLevel":{{{random.Next(0, 101)}}},"powerW":{{{random.NextDouble() * 120:0.##}}},"energyKWh":{{{random.NextDouble() * 50_000:0.###}}},"lampOn":{{{Bool(random)}}}}""")),
                < 16 => ("watermeter", "telemetry", Invariant(
                    $$$"""{"deviceId":"{0}","ts":"{{{ts}}}","volumeL":{{{random.NextDouble() * 1e6:0.#}}},"flowLph":{{{random.NextDouble() * 900:0.#}}},"waterTempC":{{{random.NextDouble() * 12:0.#}}},"batteryPct":{{{random.Next(0, 101)}}},"alarms":{"leak":{{{Bool(random)}}},"burst":false,"backflow":false,"dry":false,"tamper":false,"lowBattery":{{{Bool(random)}}}}}""")),
                < 18 => ("plough", "telemetry", Invariant(
                    $$$"""{"deviceId":"{0}","ts":"{{{ts}}}","lat":{{{64.4 + (random.NextDouble() / 10):0.######}}},"lon":{{{11.5 + (random.NextDouble() / 10):0.######}}},"speedKmh":{{{random.NextDouble() * 60:0.#}}},"headingDeg":{{{random.NextDouble() * 359:0.#}}},"ploughDown":{{{Bool(random)}}},"spreading":"{{{(random.Next(3) switch { 0 => "none", 1 => "salt", _ => "sand" })}}}","hdop":{{{random.NextDouble() * 3:0.##}}}}""")),
                18 => ("streetlight", "event", $$$"""{"deviceId":"{0}","ts":"{{{ts}}}","type":"lampFailure","detail":"driver reports open circuit"}"""),
                _ => i % 40 == 19
                    ? ("streetlight", "ack", $$$"""{"deviceId":"{0}","ts":"{{{ts}}}","cmdId":"6f1c2a9e-5b7d-4c1e-9a3f-2d8e4b6c0a17","result":"applied","appliedLevel":{{{random.Next(0, 101)}}}}""")
                    : ("watermeter", "status", $$$"""{"deviceId":"{0}","ts":"{{{ts}}}","state":"online"}"""),
            };
            var deviceId = $"{kind[..2]}-{random.Next(1, 2_000):D4}";
            messages[i] = (
                $"smartcity/v1/overhalla/{kind}/{deviceId}/{message}",
                new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(json.Replace("{0}", deviceId, StringComparison.Ordinal))));
        }

        return messages;
    }

    private static string Bool(Random random) => random.Next(2) == 1 ? "true" : "false";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
