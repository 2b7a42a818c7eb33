using Microsoft.Extensions.Options;
using MQTTnet;
using SmartOverhalla.Mqtt;

namespace SmartOverhalla.Gateway.Broker;

/// <summary>
/// Checks an external broker with a short MQTT connect and disconnect. A fresh connection per check (rather
/// than a kept-open monitor) reports what a device or the ingestion worker would meet right now, including
/// authentication, and needs no reconnect loop. Each probe is a full login (Mosquitto hashes the password, 10,000
/// PBKDF2 iterations, on its single thread), so it must not run once per request: <c>/health</c> answers from
/// <see cref="Health.ReadinessReportCache"/>, which runs at most one probe at a time and at most one per
/// <c>Health:ReadinessCacheDuration</c>, whatever the request rate.
/// </summary>
internal sealed class ExternalBrokerProbe(IOptions<BrokerOptions> options) : IBrokerStatus
{
    /// <summary>Client ids start with this, so broker logs show which connections are the gateway's probes.</summary>
    public const string ClientIdPrefix = "smartoverhalla-gateway-probe-";

    private readonly MqttClientFactory _clientFactory = new();
    private readonly MqttConnectionOptions _connection = options.Value.External;

    public async Task<BrokerStatusReport> GetStatusAsync(CancellationToken cancellationToken)
    {
        var endpoint = $"{_connection.Host}:{_connection.Port}";
        var data = new Dictionary<string, object>
        {
            ["mode"] = nameof(BrokerMode.External),
            ["endpoint"] = endpoint,
        };

        // Each probe gets its own client id: two concurrent probes with one id would take over each other's session.
        var clientId = ClientIdPrefix + Guid.NewGuid().ToString("N")[..12];
        var clientOptions = new MqttClientOptionsBuilder()
            .WithConnection(_connection)
            .WithClientId(clientId)
            .WithCleanStart(true)
            .WithSessionExpiryInterval(0)
            .Build();

        using var client = _clientFactory.CreateMqttClient();
        try
        {
            await client.ConnectAsync(clientOptions, cancellationToken);
            await client.DisconnectAsync(new MqttClientDisconnectOptions(), cancellationToken);
            return new BrokerStatusReport(true, $"External MQTT broker at {endpoint} accepted a connection.", data);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // Any failure to connect means "unavailable"; the reason goes into the report, not a crash of /health.
            return new BrokerStatusReport(false, $"External MQTT broker at {endpoint} is unreachable: {ex.GetBaseException().Message}", data);
        }
    }
}
