using Microsoft.Extensions.Configuration;
using SmartOverhalla.ServiceDefaults.Secrets;

namespace SmartOverhalla.Gateway.Tests.Secrets;

public sealed class SecretSettingsTests
{
    [Theory]
    [InlineData("InfluxDb:Password", true)]
    [InlineData("Mqtt:Password", true)]
    [InlineData("Broker:External:Password", true)]
    [InlineData("InfluxDb:Token", true)]
    [InlineData("Alerts:Webhook:ClientSecret", true)]
    [InlineData("Some:ApiKey", true)]
    [InlineData("InfluxDb:Username", false)]
    [InlineData("ApiKeys:Keys:drift:Hash", false)]
    [InlineData("PGPASSWORD", false)]
    public void IsSecretKey_ByLastSegmentInsideASection(string key, bool expected) =>
        Assert.Equal(expected, SecretSettings.IsSecretKey(key));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("change-me-influxdb-admin")]
    [InlineData("change-me-mqtt-gateway")]
    [InlineData("CHANGEME")]
    [InlineData("smartoverhalla")]
    [InlineData("admin")]
    [InlineData("Password")]
    [InlineData("${INFLUX_PASSWORD}")]
    [InlineData("<your password>")]
    public void Weakness_OfDefaultsAndPlaceholders_IsNamed(string value) =>
        Assert.NotNull(SecretSettings.Weakness(value));

    [Theory]
    [InlineData("q3Zt8-Xb1_kLmN0pRsTuVwXy2A4C6E8G")]
    [InlineData("hjemme-lyset-i-ranemsletta-2026!")]
    public void Weakness_OfAStrongSecret_IsNull(string value) =>
        Assert.Null(SecretSettings.Weakness(value));

    [Fact]
    public void FindProblems_NamesEachBadKeyAndNeverItsValue()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["InfluxDb:Password"] = "change-me-influxdb-gateway",
            ["Mqtt:Password"] = "",
            ["Broker:External:Password"] = "q3Zt8-Xb1_kLmN0pRsTuVwXy2A4C6E8G",
            ["InfluxDb:Username"] = "admin",
        }).Build();

        var problems = SecretSettings.FindProblems(configuration);

        Assert.Equal(2, problems.Count);
        Assert.StartsWith("InfluxDb:Password: ", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("Mqtt:Password: is empty", problems[1], StringComparison.Ordinal);
        Assert.DoesNotContain(problems, p => p.Contains("change-me", StringComparison.Ordinal));
    }
}
