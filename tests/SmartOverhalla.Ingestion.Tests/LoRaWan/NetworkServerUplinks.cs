using System.Globalization;
using System.Text;

namespace SmartOverhalla.Ingestion.Tests.LoRaWan;

/// <summary>
/// Uplinks written by hand in the shapes the network servers document: ChirpStack v4's <c>UplinkEvent</c> as its MQTT
/// integration's JSON marshaler writes it (integration.proto: deduplicationId, time, deviceInfo, devAddr, fCnt, fPort,
/// data, object, rxInfo, txInfo) and The Things Stack v3's application uplink ("Data Formats": end_device_ids,
/// correlation_ids, received_at, uplink_message with f_port, f_cnt, frm_payload, decoded_payload, rx_metadata,
/// settings, received_at, version_ids; zero values left out).
/// </summary>
internal static class NetworkServerUplinks
{
    public static string ChirpStackTopic(string applicationId, string devEui) => $"application/{applicationId}/device/{devEui.ToLowerInvariant()}/event/up";

    public static string TtsTopic(string application, string deviceId) => $"v3/{application}/devices/{deviceId}/up";

    public static byte[] ChirpStack(
        string applicationId, string applicationName, string deviceProfileName, string deviceName, string devEui,
        long fCnt, DateTimeOffset time, string decodedObject, params (string Gateway, int Rssi, double Snr)[] gateways)
    {
        var rx = string.Join(",", gateways.Select(g => string.Create(
            CultureInfo.InvariantCulture,
            $$"""{"gatewayId":"{{g.Gateway}}","uplinkId":{{Math.Abs(g.Gateway.GetHashCode(StringComparison.Ordinal)) % 60000}},"rssi":{{g.Rssi}},"snr":{{g.Snr}},"channel":1,"rfChain":1,"location":{},"context":"EFwMtA==","metadata":{"region_config_id":"eu868"},"crcStatus":"CRC_OK"}""")));
        return Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $$"""
            {
              "deduplicationId": "3ac7e3c4-4401-4b8d-9386-a5c902f9{{fCnt % 10000:0000}}",
              "time": "{{Rfc3339(time)}}",
              "deviceInfo": {
                "tenantId": "52f14cd4-c6f1-4fbd-8f87-4025e1d49242",
                "tenantName": "Overhalla kommune",
                "applicationId": "{{applicationId}}",
                "applicationName": "{{applicationName}}",
                "deviceProfileId": "4a2b0e52-3bde-4a53-9b8c-8d0f1d6c2a10",
                "deviceProfileName": "{{deviceProfileName}}",
                "deviceName": "{{deviceName}}",
                "devEui": "{{devEui.ToLowerInvariant()}}",
                "deviceClassEnabled": "CLASS_A",
                "tags": {}
              },
              "devAddr": "00bcb929",
              "adr": true,
              "dr": 5,
              "fCnt": {{fCnt}},
              "fPort": 2,
              "confirmed": false,
              "data": "AQIDBAUGBwg=",
              "object": {{decodedObject}},
              "rxInfo": [{{rx}}],
              "txInfo": { "frequency": 868100000, "modulation": { "lora": { "bandwidth": 125000, "spreadingFactor": 7, "codeRate": "CR_4_5" } } }
            }
            """));
    }

    public static byte[] Tts(
        string application, string deviceId, string devEui, long fCnt, DateTimeOffset receivedAt, string brand, string model,
        string decodedPayload, params (string Gateway, int Rssi, double Snr)[] gateways)
    {
        var rx = string.Join(",", gateways.Select(g => string.Create(
            CultureInfo.InvariantCulture,
            $$"""{"gateway_ids":{"gateway_id":"{{g.Gateway}}","eui":"0016C001FF10A235"},"time":"{{Rfc3339(receivedAt.AddMilliseconds(-100))}}","timestamp":2463457000,"rssi":{{g.Rssi}},"channel_rssi":{{g.Rssi}},"snr":{{g.Snr}},"uplink_token":"ChIKEAoOb3ZlcmhhbGxhLWd3MRDo","channel_index":2,"received_at":"{{Rfc3339(receivedAt.AddMilliseconds(-50))}}"}""")));

        // TTS leaves out fields whose value is 0: frame 0 has no f_cnt.
        var counter = fCnt == 0 ? string.Empty : $"\"f_cnt\": {fCnt},";
        return Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $$"""
            {
              "end_device_ids": {
                "device_id": "{{deviceId}}",
                "application_ids": { "application_id": "{{application}}" },
                "dev_eui": "{{devEui.ToUpperInvariant()}}",
                "join_eui": "0000000000000000",
                "dev_addr": "260B1234"
              },
              "correlation_ids": [ "as:up:01HZX5T2Q8A1B2C3D4E5F6G7H8", "gs:uplink:01HZX5T2Q1A1B2C3D4E5F6G7H8" ],
              "received_at": "{{Rfc3339(receivedAt.AddMilliseconds(120))}}",
              "uplink_message": {
                "session_key_id": "AXBSH1Pk6Z0G166yHm3jFQ==",
                "f_port": 2,
                {{counter}}
                "frm_payload": "AQIDBAUGBwg=",
                "decoded_payload": {{decodedPayload}},
                "rx_metadata": [{{rx}}],
                "settings": { "data_rate": { "lora": { "bandwidth": 125000, "spreading_factor": 7, "coding_rate": "4/5" } }, "frequency": "868100000", "timestamp": 2463457000 },
                "received_at": "{{Rfc3339(receivedAt)}}",
                "consumed_airtime": "0.056576s",
                "version_ids": { "brand_id": "{{brand}}", "model_id": "{{model}}", "hardware_version": "1.0", "firmware_version": "1.0", "band_id": "EU_863_870" },
                "network_ids": { "net_id": "000013", "tenant_id": "ttn", "cluster_id": "eu1", "cluster_address": "eu1.cloud.thethings.network" }
              }
            }
            """));
    }

    private static string Rfc3339(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
