using SmartOverhalla.Ploughing.Passes;

namespace SmartOverhalla.Ploughing.Tests.Passes;

public sealed class CoveredStretchesTests
{
    [Fact]
    public void Stretches_that_overlap_or_touch_merge_and_others_stay_apart_in_order()
    {
        var covered = new CoveredStretches();

        covered.Add(500, 600);
        covered.Add(100, 0);      // driven backwards
        covered.Add(550, 700);    // overlaps 500-600
        covered.Add(100, 150);    // touches 0-100
        covered.Add(300, 320);

        Assert.Equal([(0.0, 150.0), (300.0, 320.0), (500.0, 700.0)], covered.Stretches);
        Assert.Equal(370, covered.Metres);
    }

    [Fact]
    public void A_stretch_over_several_merges_them_all()
    {
        var covered = new CoveredStretches();
        covered.Add(0, 10);
        covered.Add(20, 30);
        covered.Add(40, 50);

        covered.Add(5, 45);

        Assert.Equal([(0.0, 50.0)], covered.Stretches);
    }
}
