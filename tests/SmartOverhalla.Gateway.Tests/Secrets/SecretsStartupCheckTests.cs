using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using SmartOverhalla.Gateway.Tests.Infrastructure;
using SmartOverhalla.ServiceDefaults;
using SmartOverhalla.Testing;

namespace SmartOverhalla.Gateway.Tests.Secrets;

/// <summary>The start-up secrets check every host gets through AddServiceDefaults: on a bare host, and on the gateway.</summary>
public sealed class SecretsStartupCheckTests
{
    private const string DefaultPassword = "change-me-influxdb-gateway";

    [Fact]
    public async Task A_host_outside_Development_with_a_default_password_refuses_to_start_naming_the_key_but_not_the_value()
    {
        using var host = BareHost(Environments.Production, ("InfluxDb:Password", DefaultPassword), ("Mqtt:Password", ""));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync(TestContext.Current.CancellationToken));

        var message = error.ToString();
        Assert.Contains("InfluxDb:Password", message, StringComparison.Ordinal);
        Assert.Contains("Mqtt:Password: is empty", message, StringComparison.Ordinal);
        Assert.Contains("Production", message, StringComparison.Ordinal);
        Assert.DoesNotContain(DefaultPassword, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_Development_default_passwords_are_allowed()
    {
        var ct = TestContext.Current.CancellationToken;
        using var host = BareHost(Environments.Development, ("InfluxDb:Password", DefaultPassword));

        await host.StartAsync(ct);
        await host.StopAsync(ct);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task Outside_Development_strong_secrets_start(string environment)
    {
        var ct = TestContext.Current.CancellationToken;
        using var host = BareHost(environment, ("InfluxDb:Password", "q3Zt8-Xb1_kLmN0pRsTuVwXy2A4C6E8G"));

        await host.StartAsync(ct);
        await host.StopAsync(ct);
    }

    [Fact]
    public async Task The_gateway_in_Production_with_the_env_example_password_refuses_to_start_naming_the_key()
    {
        await using var gateway = GatewayApplication.Build(
            new Dictionary<string, string?>
            {
                ["Broker:Embedded:Port"] = FreeTcpPort.Next().ToString(CultureInfo.InvariantCulture),
                ["InfluxDb:Url"] = GatewayFactory.DeadInfluxUrl().ToString(),
                ["InfluxDb:Username"] = "gateway",
                ["InfluxDb:Password"] = DefaultPassword,
            },
            Environments.Production);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => gateway.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("InfluxDb:Password", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(DefaultPassword, error.ToString(), StringComparison.Ordinal);
    }

    private static IHost BareHost(string environment, params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.AddServiceDefaults();
        return builder.Build();
    }
}
