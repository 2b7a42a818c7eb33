using Microsoft.Extensions.Hosting;
using SmartOverhalla.Influx;
using SmartOverhalla.ServiceDefaults;
using SmartOverhalla.Testing;

namespace SmartOverhalla.Analytics.Tests;

public sealed class OptionsValidationGuardTests
{
    [Fact]
    public void AddAnalytics_EveryOptionsClass_IsValidatedByItsSourceGeneratedValidator()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.AddServiceDefaults();
        builder.AddAnalytics();

        var problems = OptionsValidationGuard.Problems(builder.Services, typeof(AnalyticsOptions).Assembly, typeof(InfluxOptions).Assembly);

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }
}
