using Microsoft.Extensions.Hosting;
using SmartOverhalla.Influx;
using SmartOverhalla.ServiceDefaults;
using SmartOverhalla.Testing;

namespace SmartOverhalla.Ingestion.Tests;

public sealed class OptionsValidationGuardTests
{
    [Fact]
    public void Problems_IngestionComposition_NoneBesidesTheKnownExceptions()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.AddServiceDefaults();
        builder.AddIngestion();

        var problems = OptionsValidationGuard.Problems(builder.Services, typeof(IngestionOptions).Assembly, typeof(InfluxOptions).Assembly);

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }
}
