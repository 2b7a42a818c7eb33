using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SmartOverhalla.Influx.Tests.Support;
using SmartOverhalla.Testing;

namespace SmartOverhalla.Influx.Tests.Http;

public sealed class InfluxHealthCheckTests
{
    [Fact]
    public async Task CheckHealthAsync_Ping204_IsHealthyWithVersion()
    {
        var handler = new StubHandler
        {
            Respond = (_, _) =>
            {
                var response = new HttpResponseMessage(HttpStatusCode.NoContent);
                response.Headers.Add("X-Influxdb-Version", "1.6.7");
                return Task.FromResult(response);
            },
        };
        await using var provider = InfluxServices.Create(_ => { }, handler);

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync(TestContext.Current.CancellationToken);

        var entry = report.Entries["influxdb"];
        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Equal("1.6.7", entry.Data["version"]);
        Assert.Equal("/ping", Assert.Single(handler.Requests).Uri.AbsolutePath);
    }

    [Fact]
    public async Task CheckHealthAsync_PingAnswersError_IsUnhealthyWithStatusInDescription()
    {
        await using var provider = InfluxServices.Create(_ => { }, StubHandler.Answering(HttpStatusCode.ServiceUnavailable));

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Unhealthy, report.Entries["influxdb"].Status);
        Assert.Contains("503", report.Entries["influxdb"].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckHealthAsync_NothingListens_IsUnhealthyWithReason()
    {
        await using var provider = InfluxServices.Create(o => o.Url = new Uri($"http://127.0.0.1:{FreeTcpPort.Next()}/"));

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync(TestContext.Current.CancellationToken);

        var entry = report.Entries["influxdb"];
        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Contains("does not answer /ping", entry.Description, StringComparison.Ordinal);
    }
}
