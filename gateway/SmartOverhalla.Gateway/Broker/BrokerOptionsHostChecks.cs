using Microsoft.Extensions.Options;

namespace SmartOverhalla.Gateway.Broker;

/// <summary>
/// The <c>Broker</c> section's rules that depend on the host, run at start beside the generated
/// <see cref="BrokerOptionsValidator"/>: anonymous clients and short service passwords are refused outside Development
/// (issue 5: no default or weak secrets in production), and a TLS listener needs certificate files that exist under
/// the content root.
/// </summary>
internal sealed class BrokerOptionsHostChecks(IHostEnvironment environment) : IValidateOptions<BrokerOptions>
{
    private const string EmbeddedKey = BrokerOptions.SectionName + ":" + nameof(BrokerOptions.Embedded);
    private const string TlsKey = EmbeddedKey + ":" + nameof(EmbeddedBrokerOptions.Tls);
    private const string AccountsKey = BrokerOptions.SectionName + ":" + nameof(BrokerOptions.Accounts);

    public ValidateOptionsResult Validate(string? name, BrokerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Mode == BrokerMode.Embedded)
        {
            CheckEmbedded(options.Embedded, failures);
        }

        CheckPassword(options.Accounts.Gateway, $"{AccountsKey}:{nameof(BrokerAccountsOptions.Gateway)}", failures);
        CheckPassword(options.Accounts.Ingestion, $"{AccountsKey}:{nameof(BrokerAccountsOptions.Ingestion)}", failures);
        CheckPassword(options.Accounts.NetworkServer, $"{AccountsKey}:{nameof(BrokerAccountsOptions.NetworkServer)}", failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private void CheckEmbedded(EmbeddedBrokerOptions embedded, List<string> failures)
    {
        if (embedded.AllowAnonymous && !environment.IsDevelopment())
        {
            failures.Add($"{EmbeddedKey}:{nameof(EmbeddedBrokerOptions.AllowAnonymous)}: anonymous MQTT clients are allowed only in the Development environment (this is {environment.EnvironmentName}); give every device and service credentials instead.");
        }

        var tls = embedded.Tls;
        if (!tls.Enabled)
        {
            return;
        }

        RequireFile(tls.CertificatePath, $"{TlsKey}:{nameof(EmbeddedTlsOptions.CertificatePath)}", failures);
        if (!string.IsNullOrEmpty(tls.KeyPath))
        {
            RequireFile(tls.KeyPath, $"{TlsKey}:{nameof(EmbeddedTlsOptions.KeyPath)}", failures);
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

    private void CheckPassword(ServiceAccountOptions account, string key, List<string> failures)
    {
        if (account.HasPassword && account.Password!.Length < ServiceAccountOptions.MinPasswordLength && !environment.IsDevelopment())
        {
            failures.Add($"{key}:{nameof(ServiceAccountOptions.Password)}: must be at least {ServiceAccountOptions.MinPasswordLength} characters outside Development (the value is not shown).");
        }
    }
}
