using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SmartOverhalla.Contracts.Tests.Corpus;

/// <summary>One hostile message and the reject reason (a <c>RejectReasons</c> code) it must get.</summary>
/// <param name="Name">Stable, unique name, shown by the test runner and in failure messages.</param>
internal sealed record HostileEntry(string Name, string Topic, byte[] Payload, string Reason)
{
    public override string ToString() => Name;
}

/// <summary>
/// The hostile-input corpus: the text entries of <c>Corpus/hostile-messages.json</c> plus the binary and bulk
/// entries generated here (invalid UTF-8, overlong encodings, encoded surrogates, BOM, NUL bytes, every
/// truncation of valid messages, oversized payloads, deep nesting). Shared by the validator test and the
/// ingestion integration test (linked into that project), so both hold the same expectations.
/// </summary>
internal static class HostileCorpus
{
    public const string FileName = "hostile-messages.json";

    /// <summary>Device id of the corpus's valid street light; its valid payload is <see cref="ValidLight"/>.</summary>
    public const string DeviceId = "sl-1";

    /// <summary>Every entry, for a tenant and a platform clock.</summary>
    /// <param name="municipality">Municipality slug in the topics (tests use their own, so runs never share data).</param>
    /// <param name="now">The validator's clock; entries that must be in range use a time a minute before it.</param>
    public static IReadOnlyList<HostileEntry> Entries(string municipality, DateTimeOffset now)
    {
        var ts = now.AddMinutes(-1).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var entries = new List<HostileEntry>();
        entries.AddRange(FromFile(municipality, ts));
        entries.AddRange(Generated(Topic(municipality), ts));
        return entries;
    }

    /// <summary>The default topic of the corpus: the valid street light's telemetry.</summary>
    public static string Topic(string municipality) => $"smartcity/v1/{municipality}/streetlight/{DeviceId}/telemetry";

    /// <summary>A valid street-light telemetry payload of <see cref="DeviceId"/> at <paramref name="ts"/>.</summary>
    public static string ValidLight(string ts) =>
        $$"""{"deviceId":"{{DeviceId}}","ts":"{{ts}}","dimLevel":40,"powerW":23.6,"energyKWh":1532.75,"lampOn":true}""";

    private static IEnumerable<HostileEntry> FromFile(string municipality, string ts)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Corpus", FileName);
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        foreach (var entry in document.RootElement.GetProperty("entries").EnumerateArray())
        {
            var topic = entry.TryGetProperty("topic", out var t) ? t.GetString()! : Topic(municipality);
            var payload = entry.GetProperty("payload").GetString()!;
            yield return new HostileEntry(
                entry.GetProperty("name").GetString()!,
                Fill(topic, municipality, ts),
                Encoding.UTF8.GetBytes(Fill(payload, municipality, ts)),
                entry.GetProperty("reason").GetString()!);
        }
    }

    private static string Fill(string text, string municipality, string ts) => text
        .Replace("{{light}}", ValidLight(ts), StringComparison.Ordinal)
        .Replace("{{municipality}}", municipality, StringComparison.Ordinal)
        .Replace("{{ts}}", ts, StringComparison.Ordinal)
        .Replace("{{x501}}", new string('x', 501), StringComparison.Ordinal)
        .Replace("{{id65}}", new string('a', 65), StringComparison.Ordinal)
        .Replace("{{id10000}}", new string('a', 10_000), StringComparison.Ordinal);

    private static IEnumerable<HostileEntry> Generated(string topic, string ts)
    {
        var light = Encoding.UTF8.GetBytes(ValidLight(ts));

        yield return new("payload-empty", topic, [], "payload-empty");

        // Invalid UTF-8 inside the device id's string (RFC 3629 section 3 and 10: overlong forms and encoded
        // surrogates are invalid, and decoders that accept them have been exploited).
        foreach (var (name, bytes) in InvalidUtf8)
        {
            yield return new("utf8-" + name, topic, Splice(light, "\"sl-1\"", [(byte)'"', (byte)'s', (byte)'l', .. bytes, (byte)'"']), "encoding-invalid");
        }

        yield return new("utf8-invalid-in-property-name", topic, Splice(light, "\"lampOn\"", [(byte)'"', 0xC0, 0xAF, (byte)'"']), "encoding-invalid");
        yield return new("utf8-invalid-in-unknown-field", topic, Splice(light, "\"lampOn\"", [.. "\"x\":\""u8, 0xFF, .. "\",\"lampOn\""u8]), "encoding-invalid");
        yield return new("utf16le-with-bom", topic, Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(ValidLight(ts))).ToArray(), "encoding-invalid");
        yield return new("utf16le-without-bom", topic, Encoding.Unicode.GetBytes(ValidLight(ts)), "json-malformed");
        yield return new("utf8-bom", topic, [0xEF, 0xBB, 0xBF, .. light], "json-malformed");
        yield return new("nul-before", topic, [0, .. light], "json-malformed");
        yield return new("nul-after", topic, [.. light, 0], "json-malformed");
        yield return new("nul-inside-string", topic, Splice(light, "\"sl-1\"", "\"sl-\01\""u8.ToArray()), "json-malformed");
        yield return new("control-character-inside-string", topic, Splice(light, "\"sl-1\"", "\"sl-\n1\""u8.ToArray()), "json-malformed");

        // Every truncation of valid messages (a device losing power mid-send, a broken gateway buffer).
        var meter = Encoding.UTF8.GetBytes(
            $$$"""{"deviceId":"wm-1","ts":"{{{ts}}}","volumeL":1000.5,"flowLph":1.5,"waterTempC":6.5,"batteryPct":80,"alarms":{"leak":false,"burst":false,"backflow":false,"dry":false,"tamper":false,"lowBattery":false}}""");
        var meterTopic = topic.Replace($"/streetlight/{DeviceId}/", "/watermeter/wm-1/", StringComparison.Ordinal);
        for (var length = 1; length < light.Length; length++)
        {
            yield return new($"truncated-light-{length:D3}", topic, light[..length], "json-malformed");
        }

        for (var length = 1; length < meter.Length; length++)
        {
            yield return new($"truncated-meter-{length:D3}", meterTopic, meter[..length], "json-malformed");
        }

        // Size: the validator's limit is 16 KiB; 1 MB is also above Mosquitto's max_packet_size (256 KiB).
        yield return new("payload-16-kib-plus-one", topic, Padded(light, (16 * 1024) + 1), "payload-too-large");
        yield return new("payload-200-kb", topic, Padded(light, 200_000), "payload-too-large");
        yield return new("payload-1-mb", topic, Padded(light, 1024 * 1024), "payload-too-large");

        // Nesting: the contract needs 2 levels; a recursive reader overflows its stack at some thousands.
        yield return new("nested-100000-arrays", topic, Nested(100_000, "[", "]"), "payload-too-large");
        yield return new("nested-100000-objects", topic, Nested(100_000, "{\"a\":", "}"), "payload-too-large");
        yield return new("nested-5000-arrays", topic, Nested(5_000, "[", "]"), "json-too-deep");
        yield return new("nested-9-inside-valid-message", topic, Splice(light, "\"lampOn\"", "\"x\":[[[[[[[[1]]]]]]]],\"lampOn\""u8.ToArray()), "json-too-deep");
    }

    private static readonly (string Name, byte[] Bytes)[] InvalidUtf8 =
    [
        ("byte-ff", [0xFF]),
        ("byte-fe", [0xFE]),
        ("lone-continuation-byte", [0x80]),
        ("overlong-slash", [0xC0, 0xAF]),
        ("overlong-nul", [0xC0, 0x80]),
        ("overlong-3-byte-slash", [0xE0, 0x80, 0xAF]),
        ("overlong-4-byte-a", [0xF0, 0x80, 0x81, 0x81]),
        ("encoded-high-surrogate", [0xED, 0xA0, 0x80]),
        ("encoded-low-surrogate", [0xED, 0xB0, 0x80]),
        ("encoded-surrogate-pair-cesu8", [0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80]),
        ("above-u10ffff", [0xF4, 0x90, 0x80, 0x80]),
        ("truncated-3-byte-sequence", [0xE2, 0x82]),
        ("five-byte-form", [0xF8, 0x88, 0x80, 0x80, 0x80]),
    ];

    /// <summary>Replaces the first <paramref name="marker"/> (ASCII) in <paramref name="source"/> with <paramref name="replacement"/>.</summary>
    private static byte[] Splice(byte[] source, string marker, byte[] replacement)
    {
        var at = source.AsSpan().IndexOf(Encoding.ASCII.GetBytes(marker));
        if (at < 0)
        {
            throw new InvalidOperationException($"Marker {marker} not found in the sample.");
        }

        return [.. source[..at], .. replacement, .. source[(at + marker.Length)..]];
    }

    /// <summary>The valid message with an unknown string field that brings it to exactly <paramref name="size"/> bytes.</summary>
    private static byte[] Padded(byte[] valid, int size)
    {
        var prefix = "\"padding\":\""u8.ToArray();
        var suffix = "\","u8.ToArray();
        var fill = size - valid.Length - prefix.Length - suffix.Length;
        var padding = new byte[fill];
        Array.Fill(padding, (byte)'x');
        return [valid[0], .. prefix, .. padding, .. suffix, .. valid[1..]];
    }

    private static byte[] Nested(int levels, string open, string close)
    {
        var builder = new StringBuilder((open.Length + close.Length) * levels + 1);
        builder.Insert(0, open, levels).Append('1');
        builder.Insert(builder.Length, close, levels);
        return Encoding.ASCII.GetBytes(builder.ToString());
    }
}
