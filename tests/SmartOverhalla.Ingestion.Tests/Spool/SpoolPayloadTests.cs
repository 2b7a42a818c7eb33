using System.Buffers;
using System.Text;
using SmartOverhalla.Influx;
using SmartOverhalla.Ingestion.Spool;

namespace SmartOverhalla.Ingestion.Tests.Spool;

/// <summary>A spool record's payload keeps each point's retention policy; payloads from before sections replay as they always did.</summary>
public sealed class SpoolPayloadTests
{
    [Fact]
    public void Write_MixedPolicies_MarksEachSectionAfterAFirstDefaultOne()
    {
        var payload = Write(
            new RoutedPoints(null, [Point("streetlight", 1)]),
            new RoutedPoints("water_raw", [Point("watermeter", 2), Point("watermeter", 3)]),
            new RoutedPoints(null, [Point("streetlight", 4)]));

        Assert.Equal(
            "streetlight v=1i 1\n#rp water_raw\nwatermeter v=2i 2\nwatermeter v=3i 3\n#rp\nstreetlight v=4i 4\n",
            Encoding.UTF8.GetString(payload));
    }

    [Fact]
    public void Sections_WrittenPayload_GivesEachPolicyItsLinesWithoutDirectives()
    {
        var payload = Write(
            new RoutedPoints("water_raw", [Point("watermeter", 2)]),
            new RoutedPoints(null, [Point("streetlight", 1), Point("ingestion_reject", 5)]),
            new RoutedPoints("other policy", [Point("x", 6)]));

        var sections = SpoolPayload.Sections(payload);

        Assert.Equal(
            [("water_raw", "watermeter v=2i 2\n"), (null, "streetlight v=1i 1\ningestion_reject v=5i 5\n"), ("other policy", "x v=6i 6\n")],
            sections.Select(s => (s.RetentionPolicy, Encoding.UTF8.GetString(s.Lines.Span))));
    }

    [Fact]
    public void Sections_PayloadOfTheVersionBeforeSections_IsOneDefaultSectionOfEveryLine()
    {
        // As BatchStore wrote records before retention policies: plain line protocol, the last line with or without '\n'.
        var old = "watermeter,device=m1 volumeL=12.5 1\nstreetlight,device=l1 dimLevel=50i 2"u8.ToArray();

        var section = Assert.Single(SpoolPayload.Sections(old));

        Assert.Null(section.RetentionPolicy);
        Assert.Equal(old, section.Lines.ToArray());
    }

    [Fact]
    public void Sections_OnlyDefaultPoints_WritesNoDirectiveAtAll()
    {
        var payload = Write(new RoutedPoints(null, [Point("streetlight", 1)]));

        Assert.Equal("streetlight v=1i 1\n", Encoding.UTF8.GetString(payload));
        Assert.Null(Assert.Single(SpoolPayload.Sections(payload)).RetentionPolicy);
    }

    private static byte[] Write(params RoutedPoints[] groups)
    {
        var output = new ArrayBufferWriter<byte>();
        SpoolPayload.Write(groups, output);
        return output.WrittenSpan.ToArray();
    }

    private static PointData Point(string measurement, long value) => PointData.Measurement(measurement).Field("v", value).TimestampNs(value);
}
