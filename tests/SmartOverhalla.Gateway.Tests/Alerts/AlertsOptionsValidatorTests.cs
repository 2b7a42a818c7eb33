using Microsoft.Extensions.Configuration;
using SmartOverhalla.Gateway.Alerts;

namespace SmartOverhalla.Gateway.Tests.Alerts;

public sealed class AlertsOptionsValidatorTests
{
    private static IReadOnlyList<string> Failures(AlertsOptions options) =>
        new AlertsOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

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

    [Theory]
    [InlineData(null, null, "data/alerts.json")]
    [InlineData(null, "/var/lib/smartoverhalla/lighting-state.json", "/var/lib/smartoverhalla/alerts.json")]
    [InlineData("/srv/alerts-here.json", "/var/lib/smartoverhalla/lighting-state.json", "/srv/alerts-here.json")]
    public void DefaultPath_WithoutAStateFileOfItsOwn_IsBesideTheLightingState(string? configured, string? lightingState, string expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Lighting:StateFile"] = lightingState })
            .Build();

        Assert.Equal(expected, AlertStateFile.DefaultPath(configured, configuration));
    }
}
