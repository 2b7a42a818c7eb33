using System.ComponentModel.DataAnnotations;
using SmartOverhalla.OptionsValidation;

namespace SmartOverhalla.Gateway.Broker;

/// <summary>
/// One platform service's MQTT login (sections <c>Broker:Accounts:Gateway</c>, <c>Broker:Accounts:Ingestion</c>,
/// <c>Broker:Accounts:NetworkServer</c>). How
/// long its password must be depends on the environment: <see cref="BrokerOptionsHostChecks"/>.
/// </summary>
internal sealed class ServiceAccountOptions : IValidatableObject
{
    /// <summary>Outside Development a service password must be at least this long (it may be human-chosen).</summary>
    public const int MinPasswordLength = 16;

    /// <summary>User name; never of the device form (no '/'), so it can never name a device's topics.</summary>
    public string Username { get; set; } = string.Empty;

    /// <summary>From the environment only (<c>Broker__Accounts__Ingestion__Password</c>, <c>Broker__Accounts__NetworkServer__Password</c>). Unset: the account cannot log in.</summary>
    public string? Password { get; set; }

    public bool HasPassword => !string.IsNullOrEmpty(Password);

    /// <summary>1-64 characters of A-Z, a-z, 0-9, '.', '_' and '-': safe as an MQTT user name, client-id prefix and in Mosquitto's files.</summary>
    public static bool IsValidUsername(string? username) =>
        username is { Length: > 0 and <= 64 } && username.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // A strict character set: a '/' would make it look like a device (and a pattern ACL's %u would give it a
        // device's topics); '+', '#', ':', spaces and line breaks would break or inject lines into Mosquitto's files.
        if (!IsValidUsername(Username))
        {
            yield return new ValidationResult(
                $"{ConfigurationKey.Of(validationContext, nameof(Username))}: must be 1-64 characters of A-Z, a-z, 0-9, '.', '_' and '-'.",
                [nameof(Username)]);
        }
    }
}
