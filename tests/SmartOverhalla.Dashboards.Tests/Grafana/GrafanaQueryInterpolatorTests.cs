namespace SmartOverhalla.Dashboards.Tests.Grafana;

public sealed class GrafanaQueryInterpolatorTests
{
    private static readonly Dictionary<string, VariableValue> Variables = new(StringComparer.Ordinal)
    {
        ["municipality"] = VariableValue.Single("overhalla", isList: false),
        ["device"] = VariableValue.Single("sim-light-0001", isList: true),
        ["instance"] = new(["a.b", "c"], IsList: true),
    };

    private static readonly GrafanaQueryInterpolator Interpolator = new(TimeSpan.FromHours(6), TimeSpan.FromMinutes(1), Variables);

    [Fact]
    public void Interpolate_TimeFilterMacros_BecomeTheRelativeRangeEndingNow()
    {
        Assert.Equal("WHERE time >= now() - 6h and time <= now()", Interpolator.Interpolate("WHERE $timeFilter"));
        Assert.Equal("WHERE time >= now() - 6h and time <= now()", Interpolator.Interpolate("WHERE $__timeFilter"));
    }

    [Fact]
    public void Interpolate_IntervalMacros_BecomeTheInterval()
    {
        Assert.Equal("time(1m) time(1m) 60000", Interpolator.Interpolate("time($__interval) time($interval) $__interval_ms"));
    }

    [Fact]
    public void Interpolate_SingleValueVariable_IsInsertedAsItIsInEverySyntax()
    {
        Assert.Equal("/^overhalla$/ overhalla overhalla", Interpolator.Interpolate("/^$municipality$/ ${municipality} [[municipality]]"));
    }

    [Fact]
    public void Interpolate_ListVariable_IsRegexEscapedAndJoined()
    {
        Assert.Equal("/^sim-light-0001$/", Interpolator.Interpolate("/^$device$/"));
        Assert.Equal(@"/^(a\.b|c)$/", Interpolator.Interpolate("/^$instance$/"));
        Assert.Equal(@"(a\.b|c) a.b,c", Interpolator.Interpolate("${instance:regex} ${instance:csv}"));
    }

    [Fact]
    public void Interpolate_UnknownVariable_ThrowsNamingIt()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Interpolator.Interpolate("\"municipality\" =~ /^$municipalty$/"));

        Assert.Contains("$municipalty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Interpolate_TextWithoutVariables_IsUnchanged()
    {
        const string query = "SELECT mean(\"dimLevel\") FROM \"streetlight\" GROUP BY time(1d) tz('Europe/Oslo')";

        Assert.Equal(query, Interpolator.Interpolate(query));
    }

    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("10s", 10_000)]
    [InlineData("1m", 60_000)]
    [InlineData("3h", 10_800_000)]
    [InlineData("1d", 86_400_000)]
    public void Parse_GrafanaDuration_GivesTheTimeSpan(string text, long milliseconds)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), GrafanaDuration.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("5")]
    [InlineData("1y")]
    [InlineData("now-6h")]
    public void Parse_NotAGrafanaDuration_Throws(string text)
    {
        Assert.Throws<FormatException>(() => GrafanaDuration.Parse(text));
    }
}
