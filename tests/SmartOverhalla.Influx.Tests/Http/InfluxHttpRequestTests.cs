using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SmartOverhalla.Influx.Tests.Support;

namespace SmartOverhalla.Influx.Tests.Http;

/// <summary>The requests the client sends (HTTP API reference, "/write" and "/query"), checked with a stub handler.</summary>
public sealed class InfluxHttpRequestTests
{
    private static readonly PointData[] OnePoint = [PointData.Measurement("m").Tag("device", "l1").Field("v", 1L).TimestampNs(5)];

    [Fact]
    public async Task WriteAsync_UsernameAndPassword_SendsBasicAuthorizationOfUtf8Credentials()
    {
        var handler = new StubHandler();
        await using var provider = InfluxServices.Create(o => { o.Username = "drift"; o.Password = "pæss:word"; }, handler);

        await provider.GetRequiredService<IInfluxWriter>().WriteAsync(OnePoint, TestContext.Current.CancellationToken);

        // RFC 7617: "Basic " + base64(user-id ":" password), UTF-8.
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("drift:pæss:word"));
        Assert.Equal(expected, Assert.Single(handler.Requests).Authorization);
    }

    [Fact]
    public async Task QueryAsync_Token_SendsTokenAuthorization()
    {
        var handler = StubHandler.Answering(HttpStatusCode.OK, """{"results":[{"statement_id":0}]}""");
        await using var provider = InfluxServices.Create(o => o.Token = "s3cr3t==", handler);

        await provider.GetRequiredService<IInfluxQueryClient>().QueryAsync("SHOW DATABASES", TestContext.Current.CancellationToken);

        Assert.Equal("Token s3cr3t==", Assert.Single(handler.Requests).Authorization);
    }

    [Fact]
    public async Task WriteAsync_NoCredentials_SendsNoAuthorization()
    {
        var handler = new StubHandler();
        await using var provider = InfluxServices.Create(_ => { }, handler);

        await provider.GetRequiredService<IInfluxWriter>().WriteAsync(OnePoint, TestContext.Current.CancellationToken);

        Assert.Null(Assert.Single(handler.Requests).Authorization);
    }

    [Fact]
    public async Task WriteAsync_Points_PostsLineProtocolToWriteWithDatabaseRetentionPolicyAndNanosecondPrecision()
    {
        var handler = new StubHandler();
        await using var provider = InfluxServices.Create(o => { o.Url = new Uri("http://127.0.0.1:9/influx"); o.Database = "my db"; o.RetentionPolicy = "raw"; }, handler);

        await provider.GetRequiredService<IInfluxWriter>().WriteAsync(OnePoint, TestContext.Current.CancellationToken);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/influx/write", request.Uri.AbsolutePath);
        Assert.Equal("my db", request.Query("db"));
        Assert.Equal("raw", request.Query("rp"));
        Assert.Equal("ns", request.Query("precision"));
        Assert.Equal("text/plain; charset=utf-8", request.ContentType);
        Assert.Equal("m,device=l1 v=1i 5\n", Encoding.UTF8.GetString(request.Body));
    }

    [Fact]
    public async Task WriteAsync_ExplicitRetentionPolicy_OverridesConfiguredOne()
    {
        var handler = new StubHandler();
        await using var provider = InfluxServices.Create(o => o.RetentionPolicy = "raw", handler);

        await provider.GetRequiredService<IInfluxWriter>().WriteAsync(OnePoint, "aggregates", TestContext.Current.CancellationToken);

        Assert.Equal("aggregates", Assert.Single(handler.Requests).Query("rp"));
    }

    [Fact]
    public async Task WriteAsync_NoRetentionPolicy_LeavesRpOut()
    {
        var handler = new StubHandler();
        await using var provider = InfluxServices.Create(_ => { }, handler);

        await provider.GetRequiredService<IInfluxWriter>().WriteAsync(OnePoint, TestContext.Current.CancellationToken);

        Assert.False(Assert.Single(handler.Requests).HasQuery("rp"));
    }

    [Fact]
    public async Task WriteAsync_CompressWrites_SendsGzipBodyThatInflatesToTheLines()
    {
        var handler = new StubHandler();
        await using var provider = InfluxServices.Create(o => o.CompressWrites = true, handler);

        await provider.GetRequiredService<IInfluxWriter>().WriteAsync(OnePoint, TestContext.Current.CancellationToken);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(["gzip"], request.ContentEncoding);
        await using var gzip = new GZipStream(new MemoryStream(request.Body), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        Assert.Equal("m,device=l1 v=1i 5\n", await reader.ReadToEndAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task WriteAsync_EmptyBatch_SendsNothing()
    {
        var handler = new StubHandler();
        await using var provider = InfluxServices.Create(_ => { }, handler);

        await provider.GetRequiredService<IInfluxWriter>().WriteAsync([], TestContext.Current.CancellationToken);

        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task WriteLineProtocolAsync_Bytes_SendsThemUnchanged()
    {
        var handler = new StubHandler();
        await using var provider = InfluxServices.Create(_ => { }, handler);
        var lines = Encoding.UTF8.GetBytes("a v=1i 1\nb v=2i 2\n");

        await provider.GetRequiredService<IInfluxWriter>().WriteLineProtocolAsync(lines, null, TestContext.Current.CancellationToken);

        Assert.Equal(lines, Assert.Single(handler.Requests).Body);
    }

    [Fact]
    public async Task QueryAsync_Select_UsesGetWithQueryDatabaseAndEpochNs()
    {
        var handler = StubHandler.Answering(HttpStatusCode.OK, """{"results":[{"statement_id":0}]}""");
        await using var provider = InfluxServices.Create(o => o.Database = "d", handler);

        await provider.GetRequiredService<IInfluxQueryClient>().QueryAsync("SELECT * FROM \"m\" WHERE t = 'a&b'", TestContext.Current.CancellationToken);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal("/query", request.Uri.AbsolutePath);
        Assert.Equal("SELECT * FROM \"m\" WHERE t = 'a&b'", request.Query("q"));
        Assert.Equal("d", request.Query("db"));
        Assert.Equal("ns", request.Query("epoch"));
    }

    [Fact]
    public async Task QueryAsync_Create_UsesPostWithQueryInFormBody()
    {
        var handler = StubHandler.Answering(HttpStatusCode.OK, """{"results":[{"statement_id":0}]}""");
        await using var provider = InfluxServices.Create(_ => { }, handler);

        await provider.GetRequiredService<IInfluxQueryClient>().QueryAsync("CREATE DATABASE \"x&y\"", TestContext.Current.CancellationToken);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.False(request.HasQuery("q"));
        Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
        Assert.Equal("CREATE DATABASE \"x&y\"", System.Web.HttpUtility.ParseQueryString(Encoding.UTF8.GetString(request.Body))["q"]);
    }
}
