using System.Net;
using System.Text;
using System.Web;
using Microsoft.Extensions.DependencyInjection;
using SmartOverhalla.Influx.Tests.Support;

namespace SmartOverhalla.Influx.Tests.Querying;

/// <summary>
/// Which statements schema set-up sends (only what is needed: CREATE/ALTER need admin privilege in InfluxDB 1.x), and
/// the Go durations SHOW RETENTION POLICIES prints (time.Duration.String(): hours, minutes, seconds; 0s for infinite).
/// </summary>
public sealed class InfluxSchemaInitializerTests
{
    private const string Ok = """{"results":[{"statement_id":0}]}""";
    private const string Forbidden = """{"error":"error authorizing query: svc not authorized to execute statement 'CREATE DATABASE smartoverhalla', requires admin privilege"}""";

    [Fact]
    public async Task EnsureDatabaseAsync_DatabaseListed_SendsOnlyShowDatabases()
    {
        var handler = Answering(q => q == "SHOW DATABASES" ? (HttpStatusCode.OK, Databases("other", "smartoverhalla")) : (HttpStatusCode.Forbidden, Forbidden));
        await using var provider = InfluxServices.Create(o => o.Username = "svc", handler);

        await provider.GetRequiredService<IInfluxSchemaInitializer>().EnsureDatabaseAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["SHOW DATABASES"], Statements(handler));
    }

    [Fact]
    public async Task EnsureDatabaseAsync_DatabaseMissing_CreatesIt()
    {
        var handler = Answering(q => (HttpStatusCode.OK, q == "SHOW DATABASES" ? Databases("other") : Ok));
        await using var provider = InfluxServices.Create(_ => { }, handler);

        await provider.GetRequiredService<IInfluxSchemaInitializer>().EnsureDatabaseAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["SHOW DATABASES", "CREATE DATABASE \"smartoverhalla\""], Statements(handler));
    }

    [Fact]
    public async Task EnsureDatabaseAsync_MissingAndCreateForbidden_ThrowsNonTransientNamingDatabaseUserAndRight()
    {
        var handler = Answering(q => q == "SHOW DATABASES" ? (HttpStatusCode.OK, Databases()) : (HttpStatusCode.Forbidden, Forbidden));
        await using var provider = InfluxServices.Create(o => { o.Username = "svc"; o.Password = "pw"; }, handler);

        var exception = await Assert.ThrowsAsync<InfluxQueryException>(() =>
            provider.GetRequiredService<IInfluxSchemaInitializer>().EnsureDatabaseAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.Forbidden, exception.StatusCode);
        Assert.False(exception.IsTransient);
        Assert.Contains("Database 'smartoverhalla' does not exist", exception.Message, StringComparison.Ordinal);
        Assert.Contains("An admin must create database 'smartoverhalla'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("GRANT ALL ON \"smartoverhalla\" TO \"svc\"", exception.Message, StringComparison.Ordinal);
        Assert.Contains("user 'svc' needs admin rights", exception.Message, StringComparison.Ordinal);
        Assert.IsType<InfluxQueryException>(exception.InnerException);
    }

    [Fact]
    public async Task EnsureRetentionPolicyAsync_PolicyMatches_SendsOnlyShowRetentionPolicies()
    {
        var handler = Answering(_ => (HttpStatusCode.OK, Policies(("raw", "720h0m0s", true))));
        await using var provider = InfluxServices.Create(_ => { }, handler);

        await provider.GetRequiredService<IInfluxSchemaInitializer>()
            .EnsureRetentionPolicyAsync("raw", TimeSpan.FromDays(30), isDefault: true, TestContext.Current.CancellationToken);

        Assert.Equal(["SHOW RETENTION POLICIES ON \"smartoverhalla\""], Statements(handler));
    }

    [Fact]
    public async Task EnsureRetentionPolicyAsync_AlterForbidden_ThrowsNonTransientNamingPolicyAndStatement()
    {
        var handler = Answering(q => q.StartsWith("SHOW", StringComparison.Ordinal)
            ? (HttpStatusCode.OK, Policies(("raw", "168h0m0s", true)))
            : (HttpStatusCode.Forbidden, Forbidden));
        await using var provider = InfluxServices.Create(o => o.Username = "svc", handler);

        var exception = await Assert.ThrowsAsync<InfluxQueryException>(() => provider.GetRequiredService<IInfluxSchemaInitializer>()
            .EnsureRetentionPolicyAsync("raw", TimeSpan.FromDays(30), isDefault: true, TestContext.Current.CancellationToken));

        Assert.False(exception.IsTransient);
        Assert.Contains("Retention policy 'raw' on database 'smartoverhalla' is 1w (default), not 30d (default) as configured", exception.Message, StringComparison.Ordinal);
        Assert.Contains("ALTER RETENTION POLICY \"raw\"", exception.Message, StringComparison.Ordinal);
        Assert.Contains("user 'svc' needs admin rights", exception.Message, StringComparison.Ordinal);
    }

    private static StubHandler Answering(Func<string, (HttpStatusCode Status, string Body)> answer) => new()
    {
        Respond = async (request, ct) =>
        {
            var (status, body) = answer(await StatementAsync(request, ct));
            return new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        },
    };

    private static async Task<string> StatementAsync(HttpRequestMessage request, CancellationToken ct) =>
        HttpUtility.ParseQueryString(request.Content is null ? request.RequestUri!.Query : await request.Content.ReadAsStringAsync(ct))["q"]!;

    private static string[] Statements(StubHandler handler) =>
        [.. handler.Requests.Select(r => HttpUtility.ParseQueryString(r.Body.Length == 0 ? r.Uri.Query : Encoding.UTF8.GetString(r.Body))["q"]!)];

    private static string Databases(params string[] names) =>
        """{"results":[{"statement_id":0,"series":[{"name":"databases","columns":["name"],"values":["""
        + string.Join(',', names.Select(n => $"[\"{n}\"]")) + "]}]}]}";

    private static string Policies(params (string Name, string Duration, bool IsDefault)[] policies) =>
        """{"results":[{"statement_id":0,"series":[{"columns":["name","duration","shardGroupDuration","replicaN","default"],"values":["""
        + string.Join(',', policies.Select(p => $"[\"{p.Name}\",\"{p.Duration}\",\"168h0m0s\",1,{(p.IsDefault ? "true" : "false")}]")) + "]}]}]}";

    [Theory]
    [InlineData("0s", 0)]
    [InlineData("1h0m0s", 60)]
    [InlineData("720h0m0s", 30 * 24 * 60)]
    [InlineData("1h30m0s", 90)]
    [InlineData("8760h0m0s", 365 * 24 * 60)]
    public void ParseGoDuration_ShownDuration_ReturnsTimeSpan(string shown, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), InfluxSchemaInitializer.ParseGoDuration(shown));

    [Fact]
    public void ParseGoDuration_SubSecondUnits_AreSummed() =>
        Assert.Equal(TimeSpan.FromMilliseconds(1500.5), InfluxSchemaInitializer.ParseGoDuration("1.5s500us"));

    [Fact]
    public void ParseGoDuration_UnknownUnit_ThrowsFormatException() =>
        Assert.Throws<FormatException>(() => InfluxSchemaInitializer.ParseGoDuration("3y"));
}
