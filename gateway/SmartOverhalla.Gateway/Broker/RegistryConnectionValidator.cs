using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using MQTTnet.Protocol;
using MQTTnet.Server;
using SmartOverhalla.Gateway.Devices;

namespace SmartOverhalla.Gateway.Broker;

/// <summary>
/// Admits a client to the embedded broker only with valid credentials: a registered device (user name
/// <c>{municipality}/{kind}/{deviceId}</c>, client id = device id, secret checked against the registry's hash) or one
/// of the platform's service accounts (gateway, ingestion, LoRaWAN network server); never a LoRaWAN device, which has no
/// secret. Refusals use MQTT 5's reason codes: no credentials 0x87 Not authorized,
/// unknown user or wrong secret 0x86 Bad user name or password (the same for both, so a refusal does not tell
/// which devices exist), a client id the principal does not own 0x85 Client identifier not valid. Every client id
/// belongs to one principal only, so nobody can resume another's session: a device's client id is its device id
/// (and may not be one a service account owns); a service account's is its user name or starts with it and '-'.
/// An anonymous MQTT 5 client (Development only) that sends an empty client id is assigned one.
/// The principal goes to the session through <see cref="ConnectingPrincipals"/> for <see cref="TopicAccessPolicy"/>.
/// </summary>
internal sealed class RegistryConnectionValidator(
    IOptions<BrokerOptions> options,
    IOptions<DevicesOptions> devicesOptions,
    DeviceRegistry registry,
    BrokerMetrics metrics,
    ConnectingPrincipals connecting,
    ILogger<RegistryConnectionValidator> logger) : IBrokerConnectionValidator
{
    /// <summary>Start of the client id assigned to an anonymous MQTT 5 client that sent an empty one (then 32 hex digits).</summary>
    public const string AssignedClientIdPrefix = "anonymous-";

    private readonly BrokerOptions _options = options.Value;

    /// <summary>Checked when the user is unknown, so an unknown user costs as much time as a wrong secret.</summary>
    private readonly string _dummyHash = SecretHash.Create(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), devicesOptions.Value.HashIterations);

    public Task ValidateAsync(ValidatingConnectionEventArgs connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var (principal, refusal, reason) = Decide(connection.UserName, connection.Password, connection.ClientId);
        if (principal is null)
        {
            connection.ReasonCode = refusal;
            metrics.ConnectionRefused(reason);
            logger.ConnectionRefused(Shorten(connection.ClientId), Shorten(connection.UserName), reason, connection.RemoteEndPoint?.ToString());
            return Task.CompletedTask;
        }

        var clientId = connection.ClientId;
        if (string.IsNullOrEmpty(clientId) && principal.Role == BrokerRole.Anonymous && connection.ProtocolVersion == MQTTnet.Formatter.MqttProtocolVersion.V500)
        {
            // MQTT 5.0 §3.1.3.1: the server may assign a client id and name it in CONNACK (§3.2.2.3.7); MQTTnet takes
            // it from here. Only for anonymous Development clients: a device's or service account's client id is its
            // identity (Decide refuses an empty one with 0x85), and an assigned id could never resume its session.
            clientId = AssignedClientIdPrefix + Guid.NewGuid().ToString("N");
            connection.AssignedClientIdentifier = clientId;
        }

        // For a new session; a resumed one gets the principal when the client is connected (ConnectingPrincipals).
        connection.SessionItems[BrokerPrincipal.SessionItemKey] = principal;
        connecting.Stash(clientId, principal);
        logger.ConnectionAuthenticated(clientId, principal.Role.ToString(), principal.Name);
        return Task.CompletedTask;
    }

    private (BrokerPrincipal? Principal, MqttConnectReasonCode Refusal, string Reason) Decide(string? username, string? password, string clientId)
    {
        if (string.IsNullOrEmpty(username))
        {
            return _options.Embedded.AllowAnonymous
                ? (new BrokerPrincipal(BrokerRole.Anonymous, "anonymous"), default, string.Empty)
                : (null, MqttConnectReasonCode.NotAuthorized, "anonymous");
        }

        var accounts = _options.Accounts;
        if (IsAccount(accounts.Gateway, username))
        {
            return ServiceAccount(accounts.Gateway, BrokerRole.Gateway, password, clientId);
        }

        if (IsAccount(accounts.Ingestion, username))
        {
            return ServiceAccount(accounts.Ingestion, BrokerRole.Ingestion, password, clientId);
        }

        if (IsAccount(accounts.NetworkServer, username))
        {
            return ServiceAccount(accounts.NetworkServer, BrokerRole.NetworkServer, password, clientId);
        }

        // A LoRaWAN device (DevEUI, no secret) never logs in itself: its network server speaks for it. It is refused
        // exactly like an unknown user, after the same hash work, so a refusal does not tell that it exists.
        var device = DeviceUsername.TryParse(username, out _, out _) ? registry.FindByUsername(username) : null;
        var login = device is { HasMqttLogin: true } ? device : null;
        if (!SecretHash.Verify(password, login?.SecretHash ?? _dummyHash) || login is null)
        {
            return (null, MqttConnectReasonCode.BadUserNameOrPassword, "bad-credentials");
        }

        if (!string.Equals(clientId, login.DeviceId, StringComparison.Ordinal)
            || OwnsClientId(accounts.Gateway, clientId) || OwnsClientId(accounts.Ingestion, clientId) || OwnsClientId(accounts.NetworkServer, clientId))
        {
            return (null, MqttConnectReasonCode.ClientIdentifierNotValid, "client-id-mismatch");
        }

        return (BrokerPrincipal.Device(username, login.Municipality, login.Kind, login.DeviceId, login.SecretChangedAt), default, string.Empty);
    }

    private static (BrokerPrincipal? Principal, MqttConnectReasonCode Refusal, string Reason) ServiceAccount(
        ServiceAccountOptions account, BrokerRole role, string? password, string clientId)
    {
        if (!Matches(account, password))
        {
            return (null, MqttConnectReasonCode.BadUserNameOrPassword, "bad-credentials");
        }

        return OwnsClientId(account, clientId)
            ? (new BrokerPrincipal(role, account.Username), default, string.Empty)
            : (null, MqttConnectReasonCode.ClientIdentifierNotValid, "client-id-mismatch");
    }

    /// <summary>A service account's client ids: its user name, or its user name followed by '-' and anything.</summary>
    private static bool OwnsClientId(ServiceAccountOptions account, string clientId) =>
        account.Username.Length > 0
        && clientId.StartsWith(account.Username, StringComparison.Ordinal)
        && (clientId.Length == account.Username.Length || clientId[account.Username.Length] == '-');

    private static bool IsAccount(ServiceAccountOptions account, string username) =>
        account.Username.Length > 0 && string.Equals(account.Username, username, StringComparison.Ordinal);

    /// <summary>Fixed-time comparison of the configured password with the given one (an account without a password never matches).</summary>
    private static bool Matches(ServiceAccountOptions account, string? password) =>
        account.HasPassword
        && password is not null
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(account.Password!)), SHA256.HashData(Encoding.UTF8.GetBytes(password)));

    /// <summary>User names and client ids come from the network: log a bounded prefix, control characters replaced.</summary>
    private static string Shorten(string? value)
    {
        if (value is null)
        {
            return "(none)";
        }

        var bounded = value.Length > 120 ? value[..120] : value;
        return string.Create(bounded.Length, bounded, static (span, text) =>
        {
            for (var i = 0; i < text.Length; i++)
            {
                span[i] = char.IsControl(text[i]) ? '?' : text[i];
            }
        });
    }
}
