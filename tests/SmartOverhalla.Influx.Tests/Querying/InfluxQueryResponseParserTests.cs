using System.Net;
using System.Text.Json;

namespace SmartOverhalla.Influx.Tests.Querying;

/// <summary>JSON shapes as in the HTTP API reference, "/query" examples, with epoch=ns.</summary>
public sealed class InfluxQueryResponseParserTests
{
    private const string TwoStatements = """
        {"results":[
          {"statement_id":0,"series":[{"name":"streetlight","tags":{"device":"l1"},"columns":["time","powerW","lampOn","note","dimLevel"],
            "values":[[1700000000123456789,12,true,"ok",50],[1700000000123456790,12.5,false,null,null]]}]},
          {"statement_id":1}
        ]}
        """;

    [Fact]
    public void Parse_TwoStatements_ReadsSeriesTagsColumnsAndRows()
    {
        var result = Parse(TwoStatements);

        Assert.Equal([0, 1], result.Statements.Select(s => s.StatementId));
        var series = Assert.Single(result.Series);
        Assert.Equal("streetlight", series.Name);
        Assert.Equal("l1", series.Tags["device"]);
        Assert.Equal(["time", "powerW", "lampOn", "note", "dimLevel"], series.Columns);
        Assert.Equal(2, series.RowCount);
        Assert.Empty(result.Statements[1].Series);
    }

    [Fact]
    public void Getters_TypedValues_ConvertAndReturnNullForJsonNull()
    {
        var series = Parse(TwoStatements).Series[0];

        Assert.Equal(12d, series.GetDouble(0, "powerW"));
        Assert.Equal(12.5, series.GetDouble(1, "powerW"));
        Assert.True(series.GetBoolean(0, "lampOn"));
        Assert.False(series.GetBoolean(1, "lampOn"));
        Assert.Equal("ok", series.GetString(0, "note"));
        Assert.Null(series.GetString(1, "note"));
        Assert.Equal(50L, series.GetInt64(0, "dimLevel"));
        Assert.Null(series.GetInt64(1, "dimLevel"));
        Assert.Null(series.GetDouble(1, "dimLevel"));
    }

    [Fact]
    public void GetTime_EpochNanoseconds_ExactAndTruncatedToTicks()
    {
        var series = Parse(TwoStatements).Series[0];

        Assert.Equal(1700000000123456789, series.GetTimeNanoseconds(0));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000).AddTicks(1234567), series.GetTime(0));
    }

    [Fact]
    public void GetTime_NegativeNanoseconds_RoundsTowardsPast()
    {
        var series = Parse("""{"results":[{"statement_id":0,"series":[{"name":"m","columns":["time"],"values":[[-150]]}]}]}""").Series[0];

        Assert.Equal(DateTimeOffset.UnixEpoch.AddTicks(-2), series.GetTime(0));
    }

    [Fact]
    public void GetInt64_FractionalNumber_ThrowsFormatException() =>
        Assert.Throws<FormatException>(() => Parse(TwoStatements).Series[0].GetInt64(1, "powerW"));

    [Fact]
    public void GetString_NumberColumn_ThrowsFormatException() =>
        Assert.Throws<FormatException>(() => Parse(TwoStatements).Series[0].GetString(0, "powerW"));

    [Fact]
    public void GetValue_UnknownColumn_ThrowsKeyNotFoundExceptionListingColumns()
    {
        var exception = Assert.Throws<KeyNotFoundException>(() => Parse(TwoStatements).Series[0].GetValue(0, "nope"));

        Assert.Contains("powerW", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_StatementError_ThrowsWithServerMessageAndStatementId()
    {
        var exception = Assert.Throws<InfluxQueryException>(() =>
            Parse("""{"results":[{"statement_id":0},{"statement_id":1,"error":"database not found: nope"}]}"""));

        Assert.Equal("database not found: nope", exception.ServerMessage);
        Assert.Equal(1, exception.StatementId);
        Assert.False(exception.IsTransient);
    }

    [Fact]
    public void Parse_TopLevelError_ThrowsWithServerMessage()
    {
        var exception = Assert.Throws<InfluxQueryException>(() => Parse("""{"error":"error parsing query: found EOF"}"""));

        Assert.Equal("error parsing query: found EOF", exception.ServerMessage);
        Assert.Null(exception.StatementId);
    }

    [Fact]
    public void Parse_PartialFlags_AreExposed()
    {
        var result = Parse("""{"results":[{"statement_id":0,"partial":true,"series":[{"name":"m","columns":["time"],"values":[[1]],"partial":true}]}]}""");

        Assert.True(result.Statements[0].IsPartial);
        Assert.True(result.Series[0].IsPartial);
    }

    private static InfluxQueryResult Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return InfluxQueryResponseParser.Parse(document.RootElement.Clone(), HttpStatusCode.OK);
    }
}
