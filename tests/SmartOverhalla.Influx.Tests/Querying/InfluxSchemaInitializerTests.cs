namespace SmartOverhalla.Influx.Tests.Querying;

/// <summary>SHOW RETENTION POLICIES prints durations as Go's time.Duration.String(): hours, minutes, seconds; 0s for infinite.</summary>
public sealed class InfluxSchemaInitializerTests
{
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
