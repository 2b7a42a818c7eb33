using System.Globalization;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Protocol;
using SmartOverhalla.Contracts.Json;
using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Influx;

namespace SmartOverhalla.FaultTests;

/// <summary>
/// Water meter readings published next to the lights, to follow raw water data (retention policy <c>water_raw</c>)
/// through the worker's spool: one reading per meter, each acknowledged by the broker (QoS 1).
/// </summary>
internal static class WaterReadings
{
    public const string Policy = "water_raw";

    public static string DeviceId(int meter) => "fault-meter-" + meter.ToString("D3", CultureInfo.InvariantCulture);

    public static async Task PublishAsync(FaultRig rig, int meters, DateTimeOffset ts, CancellationToken cancellationToken)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(
            new MqttClientOptionsBuilder().WithTcpServer(rig.Mosquitto.Host, rig.Mosquitto.Port).WithClientId("meters-" + rig.Municipality).Build(),
            cancellationToken);
        for (var meter = 0; meter < meters; meter++)
        {
            var device = DeviceId(meter);
            var reading = new WatermeterTelemetry(device, ts, 1000 + meter, 2.5, 7.5, 90, new WatermeterAlarms(false, false, false, false, false, false));
            var result = await client.PublishAsync(
                new MqttApplicationMessageBuilder()
                    .WithTopic($"smartcity/v1/{rig.Municipality}/watermeter/{device}/telemetry")
                    .WithPayload(JsonSerializer.SerializeToUtf8Bytes(reading, ContractJsonContext.Default.WatermeterTelemetry))
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                    .Build(),
                cancellationToken);
            Assert.True(result.IsSuccess, $"the broker refused reading {meter}: {result.ReasonCode}");
        }

        await client.DisconnectAsync(cancellationToken: cancellationToken);
    }

    /// <summary>The meters with a reading in <paramref name="policy"/> (a retention policy name) for this rig's municipality.</summary>
    public static async Task<string[]> StoredMetersAsync(FaultRig rig, string policy, CancellationToken cancellationToken)
    {
        var rows = await rig.Store.RowsAsync(
            $"SELECT \"volumeL\", \"device\" FROM {InfluxQl.QuoteIdentifier(policy)}.\"watermeter\" WHERE \"municipality\" = {InfluxQl.QuoteString(rig.Municipality)}",
            cancellationToken);
        return [.. rows.Select(r => r.Series.GetString(r.Row, "device")!).Order(StringComparer.Ordinal)];
    }
}
