using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SmartOverhalla.Influx.Tests.Support;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Servers;

namespace SmartOverhalla.Influx.Tests.Integration;

/// <summary>Points written through the client and read back with InfluxQL from a real InfluxDB 1.x must be exactly what was written.</summary>
public sealed class LineProtocolRoundTripTests(InfluxFixture influx) : IClassFixture<InfluxFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Hostile_measurement_names_tag_keys_and_tag_values_are_stored_and_selected_back_exactly()
    {
        // Given a database
        await using var provider = await CreateDatabaseAsync();
        var query = provider.GetRequiredService<IInfluxQueryClient>();

        // When every hostile text is written as measurement, tag key and tag value at once
        var points = HostileText.Identifiers
            .Select((text, i) => PointData.Measurement(text).Tag(text, text).Field("text", text).TimestampNs(i + 1))
            .ToList();
        await provider.GetRequiredService<IInfluxWriter>().WriteAsync(points, Ct);

        // Then exactly these measurements exist: nothing was split into another series
        var measurements = await query.QueryAsync("SHOW MEASUREMENTS", Ct);
        Assert.Equal(HostileText.Identifiers.Order(StringComparer.Ordinal), Column(measurements, "name").Order(StringComparer.Ordinal));

        foreach (var text in HostileText.Identifiers)
        {
            // And each one is found by its quoted name and tag, and carries exactly one tag key and one field
            var result = await query.QueryAsync(
                $"SELECT \"text\", {InfluxQl.QuoteIdentifier(text)} FROM {InfluxQl.QuoteIdentifier(text)} WHERE {InfluxQl.QuoteIdentifier(text)} = {InfluxQl.QuoteString(text)}",
                Ct);
            var series = Assert.Single(result.Series);
            Assert.Equal(text, series.Name);
            Assert.Equal(1, series.RowCount);
            Assert.Equal(text, series.GetString(0, "text"));
            Assert.Equal(text, series.GetValue(0, 2).GetString());

            var tagKeys = await query.QueryAsync($"SHOW TAG KEYS FROM {InfluxQl.QuoteIdentifier(text)}", Ct);
            Assert.Equal([text], Column(tagKeys, "tagKey"));
        }

        // And the tag value that looks like line protocol made no tag "evil" and no field "value" anywhere
        var allTagKeys = Column(await query.QueryAsync("SHOW TAG KEYS", Ct), "tagKey");
        Assert.DoesNotContain("evil", allTagKeys);
        Assert.Equal(["text"], Column(await query.QueryAsync("SHOW FIELD KEYS", Ct), "fieldKey").Distinct());
    }

    [Fact]
    public async Task Tag_values_with_a_backslash_before_a_comma_space_equals_sign_or_quote_are_stored_and_selected_back_exactly()
    {
        // Given a database
        await using var provider = await CreateDatabaseAsync();
        var query = provider.GetRequiredService<IInfluxQueryClient>();

        // When each such value is written as the tag of its own point
        var values = HostileText.TagValues;
        var points = values.Select((value, i) => PointData.Measurement("tags").Tag("k", value).Field("i", (long)i).TimestampNs(i + 1)).ToList();
        await provider.GetRequiredService<IInfluxWriter>().WriteAsync(points, Ct);

        // Then the tag values InfluxDB knows are exactly these: none lost its backslash, none was split
        var stored = Column(await query.QueryAsync("SHOW TAG VALUES FROM \"tags\" WITH KEY = \"k\"", Ct), "value");
        Assert.Equal(values.Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));
        Assert.Equal(["k"], Column(await query.QueryAsync("SHOW TAG KEYS FROM \"tags\"", Ct), "tagKey"));

        // And each value selects exactly its own point, and comes back in GROUP BY as written
        for (var i = 0; i < values.Length; i++)
        {
            var result = await query.QueryAsync($"SELECT \"i\" FROM \"tags\" WHERE \"k\" = {InfluxQl.QuoteString(values[i])} GROUP BY \"k\"", Ct);
            var series = Assert.Single(result.Series);
            Assert.Equal(values[i], series.Tags["k"]);
            Assert.Equal(1, series.RowCount);
            Assert.Equal(i, series.GetInt64(0, "i"));
        }
    }

    [Fact]
    public async Task Unsigned_integers_are_stored_as_InfluxDB_integers_with_their_exact_values()
    {
        // Given a database
        await using var provider = await CreateDatabaseAsync();
        var query = provider.GetRequiredService<IInfluxQueryClient>();

        // When one point carries unsigned values up to the largest one line protocol can carry
        var point = PointData.Measurement("unsigned").Field("zero", 0UL).Field("bytes", 1_073_741_824UL).Field("max", (ulong)long.MaxValue).TimestampNs(1);
        await provider.GetRequiredService<IInfluxWriter>().WriteAsync([point], Ct);

        // Then InfluxDB typed each one integer (not float) and holds it exactly
        var keys = Assert.Single((await query.QueryAsync("SHOW FIELD KEYS FROM \"unsigned\"", Ct)).Series);
        Assert.All(Enumerable.Range(0, keys.RowCount), row => Assert.Equal("integer", keys.GetString(row, "fieldType")));
        Assert.Equal(3, keys.RowCount);
        var row = Assert.Single((await query.QueryAsync("SELECT * FROM \"unsigned\"", Ct)).Series);
        Assert.Equal(0L, row.GetInt64(0, "zero"));
        Assert.Equal(1_073_741_824L, row.GetInt64(0, "bytes"));
        Assert.Equal(long.MaxValue, row.GetInt64(0, "max"));
    }

    [Fact]
    public async Task The_InfluxDB_of_the_tests_refuses_the_unsigned_suffix_which_is_why_unsigned_values_go_out_as_signed_integers()
    {
        // Given a database
        var database = TestNames.Database();
        await using var provider = InfluxServices.ForServer(influx.Url, database);
        await provider.GetRequiredService<IInfluxSchemaInitializer>().EnsureDatabaseAsync(Ct);

        // When a line with a "u" integer (line protocol for servers built with unsigned support) is posted as it is
        using var http = new HttpClient();
        using var body = new StringContent("m v=5u 1\n");
        using var response = await http.PostAsync(new Uri(influx.Url, $"write?db={Uri.EscapeDataString(database)}"), body, Ct);

        // Then InfluxDB 1.x from Debian refuses it (LineProtocolRules.ToInteger explains the choice this forces)
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("invalid number", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hostile_field_keys_are_stored_and_selected_back_exactly()
    {
        // Given a database
        await using var provider = await CreateDatabaseAsync();
        var query = provider.GetRequiredService<IInfluxQueryClient>();

        // When one point carries every hostile text as a field key, its index as value
        var point = PointData.Measurement("keys").TimestampNs(1);
        for (var i = 0; i < HostileText.Identifiers.Length; i++)
        {
            point.Field(HostileText.Identifiers[i], (long)i);
        }

        await provider.GetRequiredService<IInfluxWriter>().WriteAsync([point], Ct);

        // Then the field keys are exactly these, and each one selects its own value
        var keys = await query.QueryAsync("SHOW FIELD KEYS FROM \"keys\"", Ct);
        Assert.Equal(HostileText.Identifiers.Order(StringComparer.Ordinal), Column(keys, "fieldKey").Order(StringComparer.Ordinal));
        for (var i = 0; i < HostileText.Identifiers.Length; i++)
        {
            var result = await query.QueryAsync($"SELECT {InfluxQl.QuoteIdentifier(HostileText.Identifiers[i])} FROM \"keys\"", Ct);
            Assert.Equal(i, Assert.Single(result.Series).GetInt64(0, HostileText.Identifiers[i]));
        }
    }

    [Fact]
    public async Task Hostile_string_field_values_up_to_64_KiB_are_stored_and_selected_back_exactly()
    {
        // Given a database
        await using var provider = await CreateDatabaseAsync();
        var query = provider.GetRequiredService<IInfluxQueryClient>();

        // When each hostile value is written as a string field, one point per value
        var values = HostileText.StringValues;
        var points = values.Select((value, i) => PointData.Measurement("strings").Tag("case", Case(i)).Field("s", value).TimestampNs(i + 1)).ToList();
        await provider.GetRequiredService<IInfluxWriter>().WriteAsync(points, Ct);

        // Then reading all rows in time order gives exactly the values written
        var all = Assert.Single((await query.QueryAsync("SELECT \"s\" FROM \"strings\"", Ct)).Series);
        Assert.Equal(values, Enumerable.Range(0, all.RowCount).Select(row => all.GetString(row, "s")));

        // And every value InfluxQL can express selects exactly its own point
        foreach (var (value, i) in values.Select((value, i) => (value, i)).Where(v => !v.value.Contains('\r', StringComparison.Ordinal)))
        {
            var result = await query.QueryAsync($"SELECT \"s\", \"case\" FROM \"strings\" WHERE \"s\" = {InfluxQl.QuoteString(value)}", Ct);
            var series = Assert.Single(result.Series);
            Assert.Equal(1, series.RowCount);
            Assert.Equal(Case(i), series.GetString(0, "case"));
        }

        // And the value that looks like two lines of line protocol created no measurement of its own
        Assert.Equal(["strings"], Column(await query.QueryAsync("SHOW MEASUREMENTS", Ct), "name"));
    }

    [Fact]
    public async Task Integer_float_boolean_and_string_fields_keep_their_types_and_exact_values()
    {
        // Given a database
        await using var provider = await CreateDatabaseAsync();
        var query = provider.GetRequiredService<IInfluxQueryClient>();

        // When one point carries each type at its edges
        var point = PointData.Measurement("types")
            .Field("intMin", long.MinValue).Field("intMax", long.MaxValue).Field("intZero", 0L)
            .Field("floatTenth", 0.1).Field("floatWhole", 3.0).Field("floatHuge", 1e300).Field("floatTiny", double.Epsilon)
            .Field("floatMax", double.MaxValue).Field("floatNegative", -273.15)
            .Field("boolTrue", true).Field("boolFalse", false)
            .Field("text", "3")
            .TimestampNs(1);
        await provider.GetRequiredService<IInfluxWriter>().WriteAsync([point], Ct);

        // Then InfluxDB typed every field as written (line protocol "Data types")
        var fieldTypes = Assert.Single((await query.QueryAsync("SHOW FIELD KEYS FROM \"types\"", Ct)).Series);
        var types = Enumerable.Range(0, fieldTypes.RowCount).ToDictionary(row => fieldTypes.GetString(row, "fieldKey")!, row => fieldTypes.GetString(row, "fieldType"));
        Assert.Equal("integer", types["intMin"]);
        Assert.Equal("integer", types["intMax"]);
        Assert.Equal("float", types["floatWhole"]);
        Assert.Equal("boolean", types["boolTrue"]);
        Assert.Equal("string", types["text"]);

        // And every value comes back bit for bit
        var row = Assert.Single((await query.QueryAsync("SELECT * FROM \"types\"", Ct)).Series);
        Assert.Equal(long.MinValue, row.GetInt64(0, "intMin"));
        Assert.Equal(long.MaxValue, row.GetInt64(0, "intMax"));
        Assert.Equal(0L, row.GetInt64(0, "intZero"));
        foreach (var (name, expected) in new[] { ("floatTenth", 0.1), ("floatWhole", 3.0), ("floatHuge", 1e300), ("floatTiny", double.Epsilon), ("floatMax", double.MaxValue), ("floatNegative", -273.15) })
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(row.GetDouble(0, name)!.Value));
        }

        Assert.True(row.GetBoolean(0, "boolTrue"));
        Assert.False(row.GetBoolean(0, "boolFalse"));
        Assert.Equal("3", row.GetString(0, "text"));
    }

    [Fact]
    public async Task Nanosecond_timestamps_round_trip_exactly_across_InfluxDBs_whole_time_range()
    {
        // Given a database
        await using var provider = await CreateDatabaseAsync();

        // When points are written at nanosecond times, including the range limits and one given as DateTimeOffset
        var deviceTime = new DateTimeOffset(2025, 12, 24, 16, 30, 0, TimeSpan.FromHours(1)).AddTicks(1234567);
        long[] times = [-9223372036854775806, -1, 0, 1_700_000_000_123_456_789, 9223372036854775806];
        var points = times.Select(ns => PointData.Measurement("times").Field("v", 1L).TimestampNs(ns)).ToList();
        points.Add(PointData.Measurement("times").Field("v", 2L).Timestamp(deviceTime));
        await provider.GetRequiredService<IInfluxWriter>().WriteAsync(points, Ct);

        // Then each time is stored to the nanosecond
        var result = await provider.GetRequiredService<IInfluxQueryClient>().QueryAsync(
            "SELECT \"v\" FROM \"times\" WHERE time >= -9223372036854775806 AND time <= 9223372036854775806", Ct);
        var series = Assert.Single(result.Series);
        var stored = Enumerable.Range(0, series.RowCount).Select(series.GetTimeNanoseconds).ToList();
        var expectedDeviceNs = (deviceTime.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;
        Assert.Equal(times.Append(expectedDeviceNs).Order(), stored);
        var deviceRow = stored.IndexOf(expectedDeviceNs);
        Assert.Equal(deviceTime, series.GetTime(deviceRow));
    }

    [Fact]
    public async Task Writing_the_same_point_twice_keeps_one_point_and_the_later_values_win()
    {
        // Given a point written once
        await using var provider = await CreateDatabaseAsync();
        var writer = provider.GetRequiredService<IInfluxWriter>();
        var time = new DateTimeOffset(2025, 1, 15, 6, 0, 0, TimeSpan.Zero);
        PointData Reading(double powerW) => PointData.Measurement("streetlight").Tag("municipality", "overhalla").Tag("device", "l1").Field("powerW", powerW).Timestamp(time);
        await writer.WriteAsync([Reading(12.5)], Ct);

        // When the same series and timestamp is written again (a re-delivered MQTT message), twice
        await writer.WriteAsync([Reading(12.5)], Ct);
        await writer.WriteAsync([Reading(13.0)], Ct);

        // Then there is one point, holding the last values
        var result = await provider.GetRequiredService<IInfluxQueryClient>().QueryAsync("SELECT count(\"powerW\"), last(\"powerW\") FROM \"streetlight\"", Ct);
        var series = Assert.Single(result.Series);
        Assert.Equal(1L, series.GetInt64(0, "count"));
        Assert.Equal(13.0, series.GetDouble(0, "last"));
    }

    [Fact]
    public async Task A_hostile_string_literal_cannot_widen_a_query()
    {
        // Given two devices' points
        await using var provider = await CreateDatabaseAsync();
        await provider.GetRequiredService<IInfluxWriter>().WriteAsync(
            [PointData.Measurement("m").Tag("device", "a").Field("v", 1L).TimestampNs(1), PointData.Measurement("m").Tag("device", "b").Field("v", 2L).TimestampNs(2)],
            Ct);
        var query = provider.GetRequiredService<IInfluxQueryClient>();

        // When a device id crafted to add "OR device = 'b'" is quoted into the query
        var hostile = await query.QueryAsync($"SELECT \"v\" FROM \"m\" WHERE \"device\" = {InfluxQl.QuoteString("a' OR \"device\" = 'b")}", Ct);
        var honest = await query.QueryAsync($"SELECT \"v\" FROM \"m\" WHERE \"device\" = {InfluxQl.QuoteString("a")}", Ct);

        // Then it matches nothing, while the honest id matches exactly its own point
        Assert.Empty(hostile.Series);
        Assert.Equal(1L, Assert.Single(honest.Series).GetInt64(0, "v"));
    }

    [Fact]
    public async Task Gzip_compressed_writes_are_stored_like_plain_ones()
    {
        // Given a client that compresses its write bodies
        var database = TestNames.Database();
        await using var provider = InfluxServices.ForServer(influx.Url, database, o => o.CompressWrites = true);
        await provider.GetRequiredService<IInfluxSchemaInitializer>().EnsureDatabaseAsync(Ct);

        // When it writes a batch
        var points = Enumerable.Range(1, 500).Select(i => PointData.Measurement("m").Tag("device", "l" + Case(i % 7)).Field("v", (long)i).TimestampNs(i)).ToList();
        await provider.GetRequiredService<IInfluxWriter>().WriteAsync(points, Ct);

        // Then InfluxDB stored every point
        var result = await provider.GetRequiredService<IInfluxQueryClient>().QueryAsync("SELECT count(\"v\"), sum(\"v\") FROM \"m\"", Ct);
        var series = Assert.Single(result.Series);
        Assert.Equal(500L, series.GetInt64(0, "count"));
        Assert.Equal(500L * 501 / 2, series.GetInt64(0, "sum"));
    }

    [Fact]
    public async Task A_database_and_retention_policy_with_hostile_names_are_created_written_and_queried()
    {
        // Given names with every character that matters in a URL or in InfluxQL (InfluxDB refuses '/' and '\\' in names)
        var database = TestNames.Database() + " a&b=c?d#e'f\"g%h,i+j;æ";
        await using var provider = InfluxServices.ForServer(influx.Url, database, o => o.RetentionPolicy = "raw & 'short' \"rp\"");

        // When the schema is ensured and a point is written
        await provider.GetRequiredService<IInfluxSchemaInitializer>().EnsureDatabaseAsync(Ct);
        await provider.GetRequiredService<IInfluxWriter>().WriteAsync([PointData.Measurement("m").Field("v", 7L)], Ct);

        // Then the point is in that database and policy
        var result = await provider.GetRequiredService<IInfluxQueryClient>().QueryAsync(
            $"SELECT \"v\" FROM {InfluxQl.QuoteIdentifier(database)}.{InfluxQl.QuoteIdentifier("raw & 'short' \"rp\"")}.\"m\"", Ct);
        Assert.Equal(7L, Assert.Single(result.Series).GetInt64(0, "v"));
    }

    private static string Case(int i) => i.ToString(CultureInfo.InvariantCulture);

    private static List<string?> Column(InfluxQueryResult result, string column) =>
        [.. result.Series.SelectMany(series => Enumerable.Range(0, series.RowCount).Select(row => series.GetString(row, column)))];

    private async Task<ServiceProvider> CreateDatabaseAsync()
    {
        var provider = InfluxServices.ForServer(influx.Url, TestNames.Database());
        await provider.GetRequiredService<IInfluxSchemaInitializer>().EnsureDatabaseAsync(Ct);
        return provider;
    }
}
