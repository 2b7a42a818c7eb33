using System.Net;
using Microsoft.Extensions.Options;
using SmartOverhalla.Gateway.Configuration;

namespace SmartOverhalla.Gateway.Broker;

/// <summary>
/// Validates the <c>Broker</c> section at start; only the section of the chosen mode has to be valid. Refuses
/// anonymous clients and short service passwords outside Development (issue 5: no default or weak secrets in
/// production), and a TLS listener without a readable certificate.
/// </summary>
internal sealed class BrokerOptionsValidator(IHostEnvironment environment) : IValidateOptions<BrokerOptions>
{
    private const string EmbeddedPath = BrokerOptions.SectionName + ":" + nameof(BrokerOptions.Embedded);
    private const string ExternalPath = BrokerOptions.SectionName + ":" + nameof(BrokerOptions.External);
    private const string TlsPath = EmbeddedPath + ":" + nameof(EmbeddedBrokerOptions.Tls);
    private const string AccountsPath = BrokerOptions.SectionName + ":" + nameof(BrokerOptions.Accounts);

    public ValidateOptionsResult Validate(string? name, BrokerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        switch (options.Mode)
        {
            case BrokerMode.Embedded:
                ValidateEmbedded(options.Embedded, failures);
                break;
            case BrokerMode.External:
                SettingsValidation.Validate(options.External, ExternalPath, failures);
                break;
            default:
                // A number that names no mode binds without error ("Broker:Mode": "7"); unknown names fail in the binder.
                failures.Add($"{BrokerOptions.SectionName}:{nameof(BrokerOptions.Mode)}: '{options.Mode}' is not a broker mode; use {string.Join(" or ", Enum.GetNames<BrokerMode>())}.");
                break;
        }

        ValidateAccount(options.Accounts.Gateway, $"{AccountsPath}:{nameof(BrokerAccountsOptions.Gateway)}", failures);
        ValidateAccount(options.Accounts.Ingestion, $"{AccountsPath}:{nameof(BrokerAccountsOptions.Ingestion)}", failures);
        if (string.Equals(options.Accounts.Gateway.Username, options.Accounts.Ingestion.Username, StringComparison.Ordinal))
        {
            failures.Add($"{AccountsPath}: the gateway and ingestion accounts need different user names (their rights differ).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private void ValidateEmbedded(EmbeddedBrokerOptions embedded, List<string> failures)
    {
        SettingsValidation.Validate(embedded, EmbeddedPath, failures);
        SettingsValidation.Validate(embedded.PublishRateLimit, EmbeddedPath + ":" + nameof(EmbeddedBrokerOptions.PublishRateLimit), failures);
        if (!IPAddress.TryParse(embedded.BindAddress, out _))
        {
            failures.Add($"{EmbeddedPath}:{nameof(EmbeddedBrokerOptions.BindAddress)}: '{embedded.BindAddress}' is not an IP address.");
        }

        if (embedded.AllowAnonymous && !environment.IsDevelopment())
        {
            failures.Add($"{EmbeddedPath}:{nameof(EmbeddedBrokerOptions.AllowAnonymous)}: anonymous MQTT clients are allowed only in the Development environment (this is {environment.EnvironmentName}); give every device and service credentials instead.");
        }

        var tls = embedded.Tls;
        if (!tls.Enabled)
        {
            return;
        }

        SettingsValidation.Validate(tls, TlsPath, failures);
        if (!IPAddress.TryParse(tls.BindAddress, out _))
        {
            failures.Add($"{TlsPath}:{nameof(EmbeddedTlsOptions.BindAddress)}: '{tls.BindAddress}' is not an IP address.");
        }

        if (tls.Port == embedded.Port && tls.BindAddress == embedded.BindAddress)
        {
            failures.Add($"{TlsPath}:{nameof(EmbeddedTlsOptions.Port)}: {tls.Port} is the plain listener's port too.");
        }

        RequireFile(tls.CertificatePath, $"{TlsPath}:{nameof(EmbeddedTlsOptions.CertificatePath)}", failures);
        if (!string.IsNullOrEmpty(tls.KeyPath))
        {
            RequireFile(tls.KeyPath, $"{TlsPath}:{nameof(EmbeddedTlsOptions.KeyPath)}", failures);
        }
    }

    private void RequireFile(string? path, string key, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            failures.Add($"{key}: is required when TLS is enabled.");
        }
        else if (!File.Exists(Path.GetFullPath(path, environment.ContentRootPath)))
        {
            failures.Add($"{key}: file '{path}' does not exist.");
        }
    }

    private void ValidateAccount(ServiceAccountOptions account, string key, List<string> failures)
    {
        // A strict character set: a '/' would make it look like a device (and a pattern ACL's %u would give it a
        // device's topics); '+', '#', ':', spaces and line breaks would break or inject lines into Mosquitto's files.
        if (!ServiceAccountOptions.IsValidUsername(account.Username))
        {
            failures.Add($"{key}:{nameof(ServiceAccountOptions.Username)}: must be 1-64 characters of A-Z, a-z, 0-9, '.', '_' and '-'.");
        }

        if (account.HasPassword && account.Password!.Length < ServiceAccountOptions.MinPasswordLength && !environment.IsDevelopment())
        {
            failures.Add($"{key}:{nameof(ServiceAccountOptions.Password)}: must be at least {ServiceAccountOptions.MinPasswordLength} characters outside Development (the value is not shown).");
        }
    }
}
