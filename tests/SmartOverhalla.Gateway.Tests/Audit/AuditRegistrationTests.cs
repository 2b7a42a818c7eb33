using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmartOverhalla.Gateway.Audit;
using SmartOverhalla.Gateway.Tests.Infrastructure;
using SmartOverhalla.Influx;

namespace SmartOverhalla.Gateway.Tests.Audit;

public sealed class AuditRegistrationTests
{
    [Fact]
    public void AddInfluxAuditLog_AfterTheLogLineDefault_IsTheOneInjected()
    {
        using var services = new ServiceCollection()
            .AddLogging()
            .AddInfluxDb(o => o.Url = GatewayFactory.DeadInfluxUrl())
            .AddAuditLog()
            .AddInfluxAuditLog(new ConfigurationBuilder().Build())
            .AddAuditLog()
            .BuildServiceProvider();

        Assert.IsType<InfluxAuditLog>(services.GetRequiredService<IAuditLog>());
        Assert.Same(services.GetRequiredService<InfluxAuditLog>(), services.GetRequiredService<IAuditLog>());
    }
}
