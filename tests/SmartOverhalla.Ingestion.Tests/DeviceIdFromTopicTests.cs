using System.Globalization;
using System.Text;
using SmartOverhalla.Contracts.Validation;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Servers;

namespace SmartOverhalla.Ingestion.Tests;

/// <summary>
/// The topic names the device (design.md, "The device contract"; issue 12): a message published as a person would with
/// <c>mosquitto_pub</c>, contract JSON without <c>deviceId</c>, is stored under the topic's device, and one naming
/// another device is a reject with its reason. On a real Mosquitto and a real InfluxDB.
/// </summary>
public sealed class DeviceIdFromTopicTests(MosquittoFixture mosquitto, InfluxFixture influx)
    : IClassFixture<MosquittoFixture>, IClassFixture<InfluxFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Telemetry_without_deviceId_is_stored_under_the_topics_device_and_one_naming_another_device_is_rejected()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = new IngestionHarness(mosquitto.Server.Host, mosquitto.Server.Port, influx.Url);
        await h.StartWorkerAsync(ct);
        var now = TimeProvider.System.GetUtcNow();
        var ts = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(-5);
        var topic = h.Topic("streetlight", "lys-7");

        // Given: a plain MQTT publish of contract JSON without deviceId, and one whose deviceId is another light's
        await h.PublishRawAsync(topic, Payload(deviceId: null, ts, dimLevel: 30), ct);
        await h.PublishRawAsync(topic, Payload(deviceId: "lys-8", ts.AddSeconds(1), dimLevel: 77), ct);

        // Then: the first is stored under the topic's device, the second is a reject
        await Eventually.UntilAsync(
            async c => await h.Influx.CountAsync("streetlight", "dimLevel", c) == 1 && await h.Influx.CountAsync("ingestion_reject", "count", c) == 1,
            Deadline,
            "one stored reading and one reject",
            ct);

        var light = Assert.Single(await h.Influx.RowsAsync("SELECT * FROM streetlight", ct));
        Assert.Equal("lys-7", light.Series.GetString(light.Row, "device"));
        Assert.Equal(h.Municipality, light.Series.GetString(light.Row, "municipality"));
        Assert.Equal(ts, light.Series.GetTime(light.Row));
        Assert.Equal(30, light.Series.GetInt64(light.Row, "dimLevel"));

        var reject = Assert.Single(await h.Influx.RowsAsync("SELECT * FROM ingestion_reject", ct));
        Assert.Equal(RejectReasons.DeviceMismatch, reject.Series.GetString(reject.Row, "reason"));
        Assert.Equal(topic, reject.Series.GetString(reject.Row, "topic"));
        Assert.Contains("deviceId differs from the deviceId in the topic", reject.Series.GetString(reject.Row, "problems"), StringComparison.Ordinal);
        h.Logs!.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task Mosquitto_pub_telemetry_without_deviceId_is_stored_and_with_another_devices_id_is_rejected()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = new IngestionHarness(mosquitto.Server.Host, mosquitto.Server.Port, influx.Url);
        await h.StartWorkerAsync(ct);
        var now = TimeProvider.System.GetUtcNow();
        var ts = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(-5);
        var topic = h.Topic("streetlight", "lys-9");

        // Given: the command line a person types (Debian's mosquitto-clients), once without deviceId and once naming another light
        await MosquittoPubAsync(topic, Payload(deviceId: null, ts, dimLevel: 45), ct);
        await MosquittoPubAsync(topic, Payload(deviceId: "lys-10", ts.AddSeconds(1), dimLevel: 12), ct);

        // Then: the first is stored under the topic's device, the second is a device-mismatch reject
        await Eventually.UntilAsync(
            async c => await h.Influx.CountAsync("streetlight", "dimLevel", c) == 1 && await h.Influx.CountAsync("ingestion_reject", "count", c) == 1,
            Deadline,
            "one stored reading and one reject",
            ct);
        var light = Assert.Single(await h.Influx.RowsAsync("SELECT * FROM streetlight", ct));
        Assert.Equal("lys-9", light.Series.GetString(light.Row, "device"));
        Assert.Equal(45, light.Series.GetInt64(light.Row, "dimLevel"));
        var reject = Assert.Single(await h.Influx.RowsAsync("SELECT * FROM ingestion_reject", ct));
        Assert.Equal(RejectReasons.DeviceMismatch, reject.Series.GetString(reject.Row, "reason"));
        h.Logs!.AssertNoUnexpectedErrors();
    }

    /// <summary>Runs <c>mosquitto_pub -q 1</c> against the test broker and waits for it to exit (it exits after the PUBACK).</summary>
    private async Task MosquittoPubAsync(string topic, byte[] payload, CancellationToken cancellationToken)
    {
        var start = new System.Diagnostics.ProcessStartInfo("mosquitto_pub")
        {
            ArgumentList = { "-h", mosquitto.Server.Host, "-p", mosquitto.Server.Port.ToString(CultureInfo.InvariantCulture), "-q", "1", "-t", topic, "-m", Encoding.UTF8.GetString(payload) },
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException("mosquitto_pub did not start (deploy/install.sh installs mosquitto-clients)");
        using var timeout = new CancellationTokenSource(Deadline, TimeProvider.System);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw;
        }

        Assert.True(process.ExitCode == 0, $"mosquitto_pub exited with {process.ExitCode}: {await process.StandardError.ReadToEndAsync(cancellationToken)}");
    }

    // Written by hand rather than serialised from the record, exactly as someone would type it for mosquitto_pub -m.
    private static byte[] Payload(string? deviceId, DateTimeOffset ts, int dimLevel)
    {
        var device = deviceId is null ? string.Empty : $"\"deviceId\":\"{deviceId}\",";
        var time = ts.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        return Encoding.UTF8.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{{{device}\"ts\":\"{time}\",\"dimLevel\":{dimLevel},\"powerW\":12.5,\"energyKWh\":321.75,\"lampOn\":true}}"));
    }
}
