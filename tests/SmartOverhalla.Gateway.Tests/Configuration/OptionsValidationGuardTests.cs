using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SmartOverhalla.Gateway.Health;
using SmartOverhalla.Influx;
using SmartOverhalla.ServiceDefaults;
using SmartOverhalla.ServiceDefaults.Secrets;
using SmartOverhalla.Testing;

namespace SmartOverhalla.Gateway.Tests.Configuration;

public sealed class OptionsValidationGuardTests
{
    [Fact]
    public void Problems_GatewayComposition_NoneBesidesTheKnownExceptions()
    {
        var builder = WebApplication.CreateBuilder();
        builder.AddServiceDefaults();
        builder.AddGateway();

        var problems = OptionsValidationGuard.Problems(
            builder.Services, typeof(GatewayExtensions).Assembly, typeof(InfluxOptions).Assembly, typeof(SecretsCheckOptions).Assembly, typeof(SmartOverhalla.Alerts.AlertsOptions).Assembly);

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void Problems_OptionsValidatedByReflection_AreReported()
    {
        var services = new ServiceCollection();
        services.AddOptions<HealthOptions>().ValidateDataAnnotations().ValidateOnStart();

        var problems = OptionsValidationGuard.Problems(services);

        Assert.Contains(problems, p => p.StartsWith(typeof(HealthOptions).FullName + ": needs exactly one source-generated", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("DataAnnotationValidateOptions", StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_SectionTheHostDoesNotRegister_IsReported()
    {
        var problems = OptionsValidationGuard.Problems(new ServiceCollection(), typeof(GatewayExtensions).Assembly);

        Assert.Contains($"{typeof(HealthOptions).FullName}: has a SectionName but the host does not register it (AddValidatedOptions).", problems);
        Assert.DoesNotContain(problems, p => p.Contains("LightingSavingsOptions", StringComparison.Ordinal));
    }
}
