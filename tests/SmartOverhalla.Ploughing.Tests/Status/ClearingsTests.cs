using SmartOverhalla.Ploughing.Passes;
using SmartOverhalla.Ploughing.Roads;
using SmartOverhalla.Ploughing.Status;

namespace SmartOverhalla.Ploughing.Tests.Status;

/// <summary>When passes make a segment ploughed: main-1 of <see cref="TestRoads"/> is 1000 m long.</summary>
public sealed class ClearingsTests
{
    private static readonly RoadSegment Main = TestRoads.Network.Find("main-1")!;
    private static readonly DateTimeOffset Six = new(2026, 12, 8, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_pass_over_most_of_a_segment_clears_it_at_its_end_by_its_vehicle()
    {
        var cleared = Clearings.From([Pass("plough-1", 0, 900, Six, Six.AddMinutes(2))]);

        Assert.Equal([new SegmentCleared(Main, Six.AddMinutes(2), "plough-1")], cleared);
    }

    [Fact]
    public void Two_halves_by_two_vehicles_within_two_hours_clear_it_when_the_second_ends()
    {
        var cleared = Clearings.From([
            Pass("plough-1", 0, 500, Six, Six.AddMinutes(1)),
            Pass("plough-2", 1000, 450, Six.AddMinutes(90), Six.AddMinutes(91)),
        ]);

        Assert.Equal([new SegmentCleared(Main, Six.AddMinutes(91), "plough-2")], cleared);
    }

    [Fact]
    public void Halves_further_apart_than_two_hours_do_not_clear_it()
    {
        var cleared = Clearings.From([
            Pass("plough-1", 0, 500, Six, Six.AddMinutes(1)),
            Pass("plough-2", 500, 1000, Six.AddHours(3), Six.AddHours(3).AddMinutes(1)),
        ]);

        Assert.Empty(cleared);
    }

    [Fact]
    public void Half_a_segment_driven_twice_is_still_half_and_does_not_clear_it()
    {
        var cleared = Clearings.From([
            Pass("plough-1", 0, 500, Six, Six.AddMinutes(1)),
            Pass("plough-1", 500, 0, Six.AddMinutes(1), Six.AddMinutes(2)),
        ]);

        Assert.Empty(cleared);
    }

    [Fact]
    public void Every_clearing_counts_and_the_latest_is_the_last_ploughed()
    {
        var cleared = Clearings.From([
            Pass("plough-2", 0, 1000, Six.AddHours(8), Six.AddHours(8).AddMinutes(2)),
            Pass("plough-1", 0, 1000, Six, Six.AddMinutes(2)),
        ]);

        Assert.Equal([Six.AddMinutes(2), Six.AddHours(8).AddMinutes(2)], cleared.Select(c => c.At));
        Assert.Equal(new SegmentCleared(Main, Six.AddHours(8).AddMinutes(2), "plough-2"), Clearings.Latest(cleared)[Main]);
    }

    private static PloughPass Pass(string vehicle, double from, double to, DateTimeOffset start, DateTimeOffset end)
    {
        var covered = new CoveredStretches();
        covered.Add(from, to);
        return new PloughPass(vehicle, Main, start, end, covered);
    }
}
