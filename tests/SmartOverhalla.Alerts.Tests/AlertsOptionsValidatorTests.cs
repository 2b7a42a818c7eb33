using SmartOverhalla.OptionsValidation;

namespace SmartOverhalla.Alerts.Tests;

public sealed class AlertsOptionsValidatorTests
{
    /// <summary>The failures of the validator AddAlertCentral registers (the generated one, naming configuration keys).</summary>
    private static IReadOnlyList<string> Failures(AlertsOptions options) =>
        new ConfigurationKeyValidator<AlertsOptions, AlertsOptionsValidator>(AlertsOptions.SectionName).Validate(null, options).Failures?.ToList() ?? [];

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.Empty(Failures(new AlertsOptions()));
        Assert.Empty(Failures(new AlertsOptions { Webhook = { Url = "https://hooks.example.org/services/T000/B000/secret" } }));
    }

    [Theory]
    [InlineData("not a url/secret-token")]
    [InlineData("/relative/secret-token")]
    [InlineData("ftp://files.example.org/secret-token")]
    public void Validate_BadWebhookUrl_NamesTheKeyButNeverEchoesTheValue(string url)
    {
        var failure = Assert.Single(Failures(new AlertsOptions { Webhook = { Url = url } }));

        Assert.StartsWith("Alerts:Webhook:Url:", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-token", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OutOfRangeValues_NameEachKey()
    {
        var failures = Failures(new AlertsOptions
        {
            QueueCapacity = 0,
            ClearedRetention = TimeSpan.Zero,
            Webhook = { MaxAttempts = 0, BaseDelay = TimeSpan.FromMinutes(5), MaxDelay = TimeSpan.FromMinutes(1), AttemptTimeout = TimeSpan.Zero },
        });

        Assert.Contains(failures, f => f.StartsWith("Alerts:QueueCapacity:", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Alerts:ClearedRetention:", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Alerts:Webhook:MaxAttempts:", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Alerts:Webhook:AttemptTimeout:", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Alerts:Webhook:MaxDelay:", StringComparison.Ordinal));
    }
}
