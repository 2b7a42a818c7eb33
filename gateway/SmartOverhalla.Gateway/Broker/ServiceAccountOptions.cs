namespace SmartOverhalla.Gateway.Broker;

/// <summary>One platform service's MQTT login (sections <c>Broker:Accounts:Gateway</c>, <c>Broker:Accounts:Ingestion</c>).</summary>
internal sealed class ServiceAccountOptions
{
    /// <summary>Outside Development a service password must be at least this long (it may be human-chosen).</summary>
    public const int MinPasswordLength = 16;

    /// <summary>User name; never of the device form (no '/'), so it can never name a device's topics.</summary>
    public string Username { get; set; } = string.Empty;

    /// <summary>From the environment only (<c>Broker__Accounts__Ingestion__Password</c>). Unset: the account cannot log in.</summary>
    public string? Password { get; set; }

    public bool HasPassword => !string.IsNullOrEmpty(Password);

    /// <summary>1-64 characters of A-Z, a-z, 0-9, '.', '_' and '-': safe as an MQTT user name, client-id prefix and in Mosquitto's files.</summary>
    public static bool IsValidUsername(string? username) =>
        username is { Length: > 0 and <= 64 } && username.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');
}
