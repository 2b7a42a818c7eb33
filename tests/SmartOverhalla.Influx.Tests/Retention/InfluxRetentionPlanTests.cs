using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmartOverhalla.Influx.Tests.Support;

namespace SmartOverhalla.Influx.Tests.Retention;

/// <summary>The plan's validation at start, and how the writer splits a batch by policy (requests recorded by a stub).</summary>
public sealed class InfluxRetentionPlanTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Validate_RouteToPolicyOutsideThePlan_FailsNamingMeasurementAndPolicy()
    {
        var failure = Failure(plan => plan.AddPolicy("raw", TimeSpan.FromDays(1)).Route("meter", "rwa"));

        Assert.Contains("measurement 'meter' is routed to 'rwa', which the plan does not hold", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PolicyPlannedTwiceWithOtherDurations_FailsNamingBoth()
    {
        var failure = Failure(plan => plan.AddPolicy("raw", TimeSpan.FromDays(396)).AddPolicy("raw", TimeSpan.FromDays(30)));

        Assert.Contains("retention policy 'raw' is planned twice, with 396d and 30d", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MeasurementRoutedToTwoPolicies_Fails()
    {
        var failure = Failure(plan => plan.AddPolicy("a", TimeSpan.FromDays(1)).AddPolicy("b", TimeSpan.FromDays(1)).Route("meter", "a").Route("meter", "b"));

        Assert.Contains("measurement 'meter' is routed to both 'a' and 'b'", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DurationUnderOneHour_Fails()
    {
        var failure = Failure(plan => plan.AddPolicy("raw", TimeSpan.FromMinutes(59)));

        Assert.Contains("policy 'raw' must keep data at least 01:00:00, not 00:59:00", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PlannedPolicyIsAlsoTheWritersDefault_FailsNamingTheKey()
    {
        var failure = Failure(plan => plan.AddPolicy("raw", TimeSpan.FromDays(1)), o => o.RetentionPolicy = "raw");

        Assert.Contains("InfluxDb:RetentionPolicy: 'raw' is also a policy of the retention plan", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SamePolicyPlannedTwiceAlike_IsValid()
    {
        using var provider = Provider(plan => plan.AddPolicy("raw", TimeSpan.FromDays(1)).AddPolicy("raw", TimeSpan.FromDays(1)).Route("m", "raw").Route("m", "raw"));

        var plan = provider.GetRequiredService<IOptions<InfluxRetentionPlan>>().Value;

        Assert.Equal(TimeSpan.FromDays(1), Assert.Single(plan.Policies).Value);
        Assert.Equal("raw", Assert.Single(plan.Routes).Value);
    }

    [Fact]
    public async Task WriteAsync_MixedBatch_OneRequestPerPolicyInFirstSeenOrderKeepingPointOrder()
    {
        var handler = new StubHandler();
        using var provider = Provider(plan => plan.AddPolicy("raw", TimeSpan.FromDays(1)).Route("meter", "raw"), primaryHandler: handler);

        await provider.GetRequiredService<IInfluxWriter>().WriteAsync([Point("light", 1), Point("meter", 2), Point("light", 3), Point("meter", 4)], Ct);

        var requests = handler.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.False(requests[0].HasQuery("rp"));
        Assert.Equal("light value=1i 1\nlight value=3i 3\n", Encoding.UTF8.GetString(requests[0].Body));
        Assert.Equal("raw", requests[1].Query("rp"));
        Assert.Equal("meter value=2i 2\nmeter value=4i 4\n", Encoding.UTF8.GetString(requests[1].Body));
    }

    [Fact]
    public async Task WriteAsync_UnroutedPointsWithConfiguredPolicy_GoToTheConfiguredPolicy()
    {
        var handler = new StubHandler();
        using var provider = Provider(plan => plan.AddPolicy("raw", TimeSpan.FromDays(1)).Route("meter", "raw"), o => o.RetentionPolicy = "kept", handler);

        await provider.GetRequiredService<IInfluxWriter>().WriteAsync([Point("meter", 1), Point("light", 2)], Ct);

        Assert.Equal(["raw", "kept"], handler.Requests.Select(r => r.Query("rp")));
    }

    [Fact]
    public async Task WriteAsync_ExplicitPolicy_SendsEverythingThereInOneRequest()
    {
        var handler = new StubHandler();
        using var provider = Provider(plan => plan.AddPolicy("raw", TimeSpan.FromDays(1)).Route("meter", "raw"), primaryHandler: handler);

        await provider.GetRequiredService<IInfluxWriter>().WriteAsync([Point("light", 1), Point("meter", 2)], "other", Ct);

        var request = Assert.Single(handler.Requests);
        Assert.Equal("other", request.Query("rp"));
        Assert.Equal("light value=1i 1\nmeter value=2i 2\n", Encoding.UTF8.GetString(request.Body));
    }

    [Fact]
    public async Task WriteAsync_OnePolicyRefused_SendsTheOthersThenThrowsTheRefusal()
    {
        var handler = new StubHandler
        {
            Respond = (request, _) => Task.FromResult(request.RequestUri!.Query.Contains("rp=raw", StringComparison.Ordinal)
                ? new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent("""{"error":"partial write: points beyond retention policy dropped=1"}""") }
                : new HttpResponseMessage(HttpStatusCode.NoContent)),
        };
        using var provider = Provider(plan => plan.AddPolicy("raw", TimeSpan.FromDays(1)).Route("meter", "raw"), primaryHandler: handler);

        var exception = await Assert.ThrowsAsync<InfluxWriteException>(() =>
            provider.GetRequiredService<IInfluxWriter>().WriteAsync([Point("meter", 1), Point("light", 2)], Ct));

        Assert.Equal(2, handler.Requests.Count);
        Assert.False(exception.IsTransient);
        Assert.True(exception.IsPartialWrite);
    }

    [Fact]
    public async Task WriteAsync_TransientFailure_EndsTheCallWithoutSendingTheRest()
    {
        var handler = StubHandler.Answering(HttpStatusCode.ServiceUnavailable, """{"error":"down"}""");
        using var provider = Provider(plan => plan.AddPolicy("raw", TimeSpan.FromDays(1)).Route("meter", "raw"), primaryHandler: handler);

        var exception = await Assert.ThrowsAsync<InfluxWriteException>(() =>
            provider.GetRequiredService<IInfluxWriter>().WriteAsync([Point("meter", 1), Point("light", 2)], Ct));

        Assert.True(exception.IsTransient);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public void Split_OnePolicyOnly_ReturnsTheListItself()
    {
        using var provider = Provider(plan => plan.AddPolicy("raw", TimeSpan.FromDays(1)).Route("meter", "raw"));
        List<PointData> points = [Point("meter", 1), Point("meter", 2)];

        var group = Assert.Single(provider.GetRequiredService<InfluxRetentionRouting>().Split(points));

        Assert.Equal("raw", group.RetentionPolicy);
        Assert.Same(points, group.Points);
    }

    private static PointData Point(string measurement, long value) => PointData.Measurement(measurement).Field("value", value).TimestampNs(value);

    private static string Failure(Action<InfluxRetentionPlan> plan, Action<InfluxOptions>? influx = null)
    {
        using var provider = Provider(plan, influx);
        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<InfluxRetentionPlan>>().Value);
        return exception.Message;
    }

    private static ServiceProvider Provider(Action<InfluxRetentionPlan> plan, Action<InfluxOptions>? influx = null, StubHandler? primaryHandler = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddInfluxDb(o =>
        {
            o.Url = new Uri("http://127.0.0.1:1/");
            influx?.Invoke(o);
        });
        services.AddInfluxRetentionPlan().Configure(plan);
        if (primaryHandler is not null)
        {
            services.AddHttpClient(InfluxServiceCollectionExtensions.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => primaryHandler);
        }

        return services.BuildServiceProvider();
    }
}
