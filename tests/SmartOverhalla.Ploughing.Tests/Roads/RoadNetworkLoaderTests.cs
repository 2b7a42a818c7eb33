using System.Globalization;
using SmartOverhalla.Ploughing.Roads;

namespace SmartOverhalla.Ploughing.Tests.Roads;

/// <summary>A municipality's road file is checked before use: each problem names the feature and what is wrong.</summary>
public sealed class RoadNetworkLoaderTests
{
    private const string Good = """{"type":"Feature","properties":{"id":"a","name":"Storgata","roadClass":"municipal","priority":2},"geometry":{"type":"LineString","coordinates":[[11.95,64.49],[11.96,64.49]]}}""";

    [Fact]
    public void A_valid_file_loads_with_lengths_in_metres()
    {
        var network = Load(Good);

        var segment = Assert.Single(network.Segments);
        Assert.Equal(("a", "Storgata", RoadClass.Municipal, 2, TimeSpan.FromHours(6), false), (segment.Id, segment.Name, segment.Class, segment.Priority, segment.Target, segment.Synthetic));
        // 0.01° of longitude at 64.49° N is about 480 m
        Assert.InRange(segment.LengthMetres, 470, 490);
    }

    [Theory]
    [InlineData("""{"type":"Feature","properties":{"id":"b","name":"x","roadClass":"municipal","priority":2},"geometry":{"type":"Point","coordinates":[11.95,64.49]}}""", "feature 1 (id 'b'): geometry is a Point; a road segment must be a LineString")]
    [InlineData("""{"type":"Feature","properties":{"id":"b","name":"x","roadClass":"municipal","priority":2},"geometry":{"type":"LineString","coordinates":[[11.95,64.49]]}}""", "feature 1 (id 'b'): a LineString needs at least two positions")]
    [InlineData("""{"type":"Feature","properties":{"id":"b","name":"x","roadClass":"municipal","priority":2},"geometry":{"type":"LineString","coordinates":[[64.49,11.95],[64.49,11.96]]}}""", "feature 1 (id 'b'): position 0 [64.49, 11.95] is outside Norway (lon 4–32, lat 57.5–71.5) (it looks like [lat, lon]; RFC 7946 wants [lon, lat])")]
    [InlineData("""{"type":"Feature","properties":{"id":"b","roadClass":"municipal","priority":2},"geometry":{"type":"LineString","coordinates":[[11.95,64.49],[11.96,64.49]]}}""", "feature 1 (id 'b'): property \"name\" missing or empty")]
    [InlineData("""{"type":"Feature","properties":{"id":"b","name":"x","roadClass":"motorway","priority":2},"geometry":{"type":"LineString","coordinates":[[11.95,64.49],[11.96,64.49]]}}""", "feature 1 (id 'b'): property \"roadClass\" must be one of county, municipal, private, footway")]
    [InlineData("""{"type":"Feature","properties":{"id":"b","name":"x","roadClass":"county","priority":7},"geometry":{"type":"LineString","coordinates":[[11.95,64.49],[11.96,64.49]]}}""", "feature 1 (id 'b'): priority 7 has no target in the service standard (priorities with a target: 1, 2, 3)")]
    [InlineData("""{"type":"Feature","properties":{"id":"a","name":"x","roadClass":"county","priority":1},"geometry":{"type":"LineString","coordinates":[[11.95,64.49],[11.96,64.49]]}}""", "feature 1 (id 'a'): id already used by feature 0")]
    [InlineData("""{"type":"Feature","properties":{"name":"x","roadClass":"county","priority":1},"geometry":{"type":"LineString","coordinates":[[11.95,64.49],[11.96,64.49]]}}""", "feature 1: no id: property \"id\" (a string) or the Feature's \"id\" member")]
    [InlineData("""{"type":"Feature","properties":{"id":"b","name":"x","roadClass":"county","priority":1},"geometry":{"type":"LineString","coordinates":[[11.95,64.49],[11.95,64.49]]}}""", "feature 1 (id 'b'): the line is 0 m long; a road segment is at least 1 m")]
    public void A_bad_feature_is_refused_naming_its_index_and_the_problem(string feature, string problem)
    {
        var error = Assert.Throws<RoadNetworkException>(() => Load(Good, feature));

        Assert.Equal([problem], error.Problems);
        Assert.Contains("roads.geojson", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"type":"Feature","properties":{"id":"b","name":"x","roadClass":"county","priority":1},"geometry":{"type":"LineString","coordinates":[[11.95,64.49],[1e999,64.49]]}}""", "feature 1 (id 'b'): position 1 is not [lon, lat] or [lon, lat, height] in finite numbers")]
    [InlineData("""{"type":"Feature","properties":{"id":"b","name":"x","roadClass":"county","priority":1},"geometry":{"type":"LineString","coordinates":[[11.95,64.49,3,4],[11.96,64.49]]}}""", "feature 1 (id 'b'): position 0 is not [lon, lat] or [lon, lat, height] in finite numbers")]
    [InlineData("""{"type":"Feature","properties":{"id":"b","name":"x","roadClass":"county","priority":1},"geometry":{"type":"LineString","coordinates":[[353479.37,7155138.84],[353979.37,7155138.84]]}}""", "feature 1 (id 'b'): position 0 [353479.37, 7155138.84] is not in degrees (projected metres, such as EPSG:25833?); RFC 7946 GeoJSON is WGS 84 [lon, lat] in degrees: reproject it, e.g. ogr2ogr -t_srs EPSG:4326 -lco RFC7946=YES")]
    [InlineData("""{"type":"Feature","properties":{"id":"b","name":"x","roadClass":"county","priority":1,"synthetic":"true"},"geometry":{"type":"LineString","coordinates":[[11.95,64.49],[11.96,64.49]]}}""", "feature 1 (id 'b'): property \"synthetic\" must be true or false")]
    [InlineData("""{"type":"Feature","properties":{"id":"b","name":"x","roadClass":"county","priority":1.5},"geometry":{"type":"LineString","coordinates":[[11.95,64.49],[11.96,64.49]]}}""", "feature 1 (id 'b'): property \"priority\" missing or not a whole number from 1 to 99")]
    public void A_bad_position_or_property_value_is_refused_naming_it(string feature, string problem)
    {
        var error = Assert.Throws<RoadNetworkException>(() => Load(Good, feature));

        Assert.Equal([problem], error.Problems);
    }

    [Fact]
    public void The_Features_own_id_member_serves_when_the_properties_have_none_and_priority_may_be_written_2_0()
    {
        var network = Load("""{"type":"Feature","id":"way/123","properties":{"name":"Storgata","roadClass":"municipal","priority":2.0},"geometry":{"type":"LineString","coordinates":[[11.95,64.49],[11.96,64.49]]}}""");

        Assert.Equal(("way/123", 2), (network.Segments[0].Id, network.Segments[0].Priority));
    }

    [Fact]
    public void A_repeated_id_is_found_even_when_the_first_feature_with_it_is_invalid()
    {
        var error = Assert.Throws<RoadNetworkException>(() => Load(
            """{"type":"Feature","properties":{"id":"a","name":"x","roadClass":"lane","priority":1},"geometry":{"type":"LineString","coordinates":[[11.95,64.49],[11.96,64.49]]}}""",
            """{"type":"Feature","properties":{"id":"a","name":"y","roadClass":"county","priority":1},"geometry":{"type":"LineString","coordinates":[[11.97,64.49],[11.98,64.49]]}}"""));

        Assert.Contains("feature 1 (id 'a'): id already used by feature 0", error.Problems);
    }

    [Fact]
    public void A_file_in_another_coordinate_system_is_refused_at_once()
    {
        var error = Assert.Throws<RoadNetworkException>(() => RoadNetworkLoader.Load(
            """{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::25833"}},"features":[]}""", PriorityTargets.Default, "roads.geojson"));

        Assert.Equal(["the file declares the coordinate system urn:ogc:def:crs:EPSG::25833; RFC 7946 GeoJSON is WGS 84 [lon, lat] in degrees: reproject it, e.g. ogr2ogr -t_srs EPSG:4326 -lco RFC7946=YES"], error.Problems);
    }

    [Fact]
    public void Segments_must_meet_at_the_same_position_and_at_ends()
    {
        // b starts 0.000004° of longitude (47.96 km per degree at 64.49° N, times UTM's 0.99986: 0.192 m) from where a ends;
        // c ends on the middle of a
        var error = Assert.Throws<RoadNetworkException>(() => Load(
            """{"type":"Feature","properties":{"id":"a","name":"a","roadClass":"county","priority":1},"geometry":{"type":"LineString","coordinates":[[11.95,64.49],[11.96,64.49]]}}""",
            """{"type":"Feature","properties":{"id":"b","name":"b","roadClass":"county","priority":1},"geometry":{"type":"LineString","coordinates":[[11.960004,64.49],[11.97,64.49]]}}""",
            """{"type":"Feature","properties":{"id":"c","name":"c","roadClass":"municipal","priority":2},"geometry":{"type":"LineString","coordinates":[[11.955,64.48],[11.955,64.49]]}}"""));

        Assert.Equal(
            [
                "segment 'a' and segment 'b' end 0.192 m apart: give them the same position where they meet",
                "segment 'c' ends on the middle of segment 'a': split 'a' there, so the roads meet at an end of each",
            ],
            error.Problems);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var error = Assert.Throws<RoadNetworkException>(() => Load(
            """{"type":"Feature","properties":{"id":"x","roadClass":"lane","priority":1},"geometry":{"type":"LineString","coordinates":[[11.95,64.49],[11.96,64.49]]}}""",
            """{"type":"Feature","properties":{"id":"y","name":"y","roadClass":"county","priority":1},"geometry":null}"""));

        Assert.Equal(
            [
                "feature 0 (id 'x'): property \"name\" missing or empty",
                "feature 0 (id 'x'): property \"roadClass\" must be one of county, municipal, private, footway",
                "feature 1 (id 'y'): no geometry",
            ],
            error.Problems);
    }

    [Theory]
    [InlineData("not json", "not JSON:")]
    [InlineData("""{"type":"Feature"}""", "not a GeoJSON FeatureCollection with a \"features\" array")]
    [InlineData("""{"type":"FeatureCollection","features":[]}""", "no features: a road network needs at least one segment")]
    public void A_file_that_is_no_feature_collection_is_refused(string json, string problem)
    {
        var error = Assert.Throws<RoadNetworkException>(() => RoadNetworkLoader.Load(json, PriorityTargets.Default, "roads.geojson"));

        Assert.StartsWith(problem, Assert.Single(error.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_full_of_errors_stops_after_the_first_fifty()
    {
        var bad = Enumerable.Range(0, 80).Select(i => "{\"type\":\"Feature\",\"properties\":{\"id\":\"s" + i.ToString(CultureInfo.InvariantCulture) + "\"}}").ToArray();

        var error = Assert.Throws<RoadNetworkException>(() => Load(bad));

        Assert.Equal($"stopped after {RoadNetworkLoader.MaxProblems} problems", error.Problems[^1]);
        Assert.InRange(error.Problems.Count, RoadNetworkLoader.MaxProblems + 1, RoadNetworkLoader.MaxProblems + 4);
    }

    private static RoadNetwork Load(params string[] features) =>
        RoadNetworkLoader.Load($$"""{"type":"FeatureCollection","features":[{{string.Join(",", features)}}]}""", PriorityTargets.Default, "roads.geojson");
}
