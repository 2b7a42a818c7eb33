using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SmartOverhalla.Influx.Tests.Support;
using SmartOverhalla.Testing;

namespace SmartOverhalla.Influx.Tests.Http;

/// <summary>Transient means "the same request may succeed later": no answer, 5xx, 429. A 4xx is the request's own fault.</summary>
public sealed class InfluxErrorClassificationTests
{
    private static readonly PointData[] OnePoint = [PointData.Measurement("m").Field("v", 1L)];

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public async Task WriteAsync_ServerBusyOrFailing_ThrowsTransient(HttpStatusCode status)
    {
        var exception = await WriteAgainst(StubHandler.Answering(status, """{"error":"timeout"}"""));

        Assert.True(exception.IsTransient);
        Assert.Equal(status, exception.StatusCode);
        Assert.Equal("timeout", exception.ServerMessage);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.RequestEntityTooLarge)]
    public async Task WriteAsync_RequestRefused_ThrowsNonTransient(HttpStatusCode status)
    {
        var exception = await WriteAgainst(StubHandler.Answering(status, """{"error":"refused"}"""));

        Assert.False(exception.IsTransient);
        Assert.Equal(status, exception.StatusCode);
    }

    [Fact]
    public async Task WriteAsync_ErrorWithoutJsonBody_UsesInfluxErrorHeader()
    {
        var handler = new StubHandler
        {
            Respond = (_, _) =>
            {
                var response = new HttpResponseMessage(HttpStatusCode.Unauthorized);
                response.Headers.Add("X-Influxdb-Error", "authorization failed");
                return Task.FromResult(response);
            },
        };

        var exception = await WriteAgainst(handler);

        Assert.Equal("authorization failed", exception.ServerMessage);
    }

    [Fact]
    public async Task WriteAsync_PartialWriteAnswer_IsFlaggedAsPartial()
    {
        var exception = await WriteAgainst(StubHandler.Answering(HttpStatusCode.BadRequest, """{"error":"partial write: field type conflict: dropped=1"}"""));

        Assert.True(exception.IsPartialWrite);
    }

    [Fact]
    public async Task WriteAsync_NoAnswerWithinTimeout_ThrowsTransientWithoutStatus()
    {
        var handler = new StubHandler
        {
            // Never answers: waits for the client's timeout to cancel it.
            Respond = async (_, ct) =>
            {
                await Task.Delay(Timeout.Infinite, ct);
                return new HttpResponseMessage(HttpStatusCode.NoContent);
            },
        };

        var exception = await WriteAgainst(handler, o => o.Timeout = TimeSpan.FromMilliseconds(200));

        Assert.True(exception.IsTransient);
        Assert.Null(exception.StatusCode);
        Assert.Contains("no answer within", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_CallerCancels_ThrowsOperationCanceledNotInfluxException()
    {
        var handler = new StubHandler
        {
            Respond = async (_, ct) =>
            {
                await Task.Delay(Timeout.Infinite, ct);
                return new HttpResponseMessage(HttpStatusCode.NoContent);
            },
        };
        await using var provider = InfluxServices.Create(_ => { }, handler);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var write = provider.GetRequiredService<IInfluxWriter>().WriteAsync(OnePoint, cancellation.Token);

        await Eventually.UntilAsync(() => !handler.Requests.IsEmpty, TimeSpan.FromSeconds(10), "the request to reach the handler", TestContext.Current.CancellationToken);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => write);
    }

    [Fact]
    public async Task WriteAsync_NothingListensOnPort_ThrowsTransientWithoutStatus()
    {
        await using var provider = InfluxServices.Create(o => o.Url = new Uri($"http://127.0.0.1:{FreeTcpPort.Next()}/"));

        var exception = await Assert.ThrowsAsync<InfluxWriteException>(() =>
            provider.GetRequiredService<IInfluxWriter>().WriteAsync(OnePoint, TestContext.Current.CancellationToken));

        Assert.True(exception.IsTransient);
        Assert.Null(exception.StatusCode);
        Assert.IsType<HttpRequestException>(exception.InnerException);
    }

    [Fact]
    public async Task QueryAsync_NothingListensOnPort_ThrowsTransientQueryException()
    {
        await using var provider = InfluxServices.Create(o => o.Url = new Uri($"http://127.0.0.1:{FreeTcpPort.Next()}/"));

        var exception = await Assert.ThrowsAsync<InfluxQueryException>(() =>
            provider.GetRequiredService<IInfluxQueryClient>().QueryAsync("SHOW DATABASES", TestContext.Current.CancellationToken));

        Assert.True(exception.IsTransient);
    }

    [Fact]
    public async Task QueryAsync_ServerError_ThrowsTransientWithMessage()
    {
        await using var provider = InfluxServices.Create(_ => { }, StubHandler.Answering(HttpStatusCode.ServiceUnavailable, """{"error":"shutting down"}"""));

        var exception = await Assert.ThrowsAsync<InfluxQueryException>(() =>
            provider.GetRequiredService<IInfluxQueryClient>().QueryAsync("SHOW DATABASES", TestContext.Current.CancellationToken));

        Assert.True(exception.IsTransient);
        Assert.Equal("shutting down", exception.ServerMessage);
    }

    private static async Task<InfluxWriteException> WriteAgainst(StubHandler handler, Action<InfluxOptions>? configure = null)
    {
        await using var provider = InfluxServices.Create(o => configure?.Invoke(o), handler);
        return await Assert.ThrowsAsync<InfluxWriteException>(() =>
            provider.GetRequiredService<IInfluxWriter>().WriteAsync(OnePoint, TestContext.Current.CancellationToken));
    }
}
