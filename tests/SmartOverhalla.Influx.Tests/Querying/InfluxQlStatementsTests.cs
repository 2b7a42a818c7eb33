namespace SmartOverhalla.Influx.Tests.Querying;

/// <summary>HTTP API reference, "/query": GET only for SELECT (without INTO) and SHOW; everything else must be POST.</summary>
public sealed class InfluxQlStatementsTests
{
    [Theory]
    [InlineData("SELECT * FROM streetlight")]
    [InlineData("  select mean(\"powerW\") from streetlight group by time(1h);")]
    [InlineData("SHOW DATABASES")]
    [InlineData("show retention policies on \"x\"")]
    public void IsReadOnly_SingleRead_ReturnsTrue(string query) => Assert.True(InfluxQlStatements.IsReadOnly(query));

    [Theory]
    [InlineData("CREATE DATABASE x")]
    [InlineData("DROP MEASUREMENT streetlight")]
    [InlineData("SELECT * INTO archive FROM streetlight")]
    [InlineData("SELECT * FROM a; DROP DATABASE x")]
    [InlineData("SELECTED")]
    [InlineData("ALTER RETENTION POLICY a ON b DURATION 1h")]
    public void IsReadOnly_WriteOrMixed_ReturnsFalse(string query) => Assert.False(InfluxQlStatements.IsReadOnly(query));
}
