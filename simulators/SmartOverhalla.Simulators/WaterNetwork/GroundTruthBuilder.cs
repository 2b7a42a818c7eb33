using System.Globalization;
using System.Text.Json;
using SmartOverhalla.Simulators.Models.Watermeters;
using SmartOverhalla.Time;
using SmartOverhalla.Water.Registry;

namespace SmartOverhalla.Simulators.WaterNetwork;

/// <summary>
/// Computes the ground truth of a range from the network's own flows (the same planned uses, leaks and losses the
/// meters count), independently of any reading, and writes it as JSON.
/// </summary>
internal static class GroundTruthBuilder
{
    public static GroundTruth Build(WaterNetworkPlan network, int seed, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(network);
        var from = network.Origin;
        string DistrictName(int number) => District.NameOf(number);
        var meters = network.Households
            .Select(h => new GroundTruthMeter(h.DeviceId, MeterRoles.Household, h.District == 0 ? null : DistrictName(h.District), Interval(h.Interval), h.Traits.Residents))
            .Concat(network.Districts.Select(d => new GroundTruthMeter(d.InflowMeterId, MeterRoles.DistrictInflow, d.Name, Interval(d.Interval), null)))
            .ToList();
        var leaks = network.Households.SelectMany(h => h.Leaks.Select(l => new GroundTruthLeak(h.DeviceId, l.Flow.Start, l.Flow.End, l.Flow.RateLph, Round(l.Flow.LitresWithin(from, to)), l.Random))).ToList();
        var bursts = network.Households.SelectMany(h => h.Bursts.Select(b => new GroundTruthBurst(h.DeviceId, b.Flow.Start, b.Flow.End!.Value, b.Flow.RateLph, Round(b.Flow.LitresWithin(from, to)), b.Random))).ToList();
        var replacements = network.Households.SelectMany(h => h.Replacements.Select(at => new GroundTruthReplacement(h.DeviceId, at))).ToList();
        var holidays = network.Households.SelectMany(h => h.Holidays.Select(a => new GroundTruthHoliday(h.DeviceId, a.Start, a.End, a.Random))).ToList();
        var pipeLeaks = network.Districts.SelectMany(d => d.PipeLeaks.Select(p => new GroundTruthPipeLeak(d.Name, p.Flow.Start, p.Flow.End, p.Flow.RateLph, Round(p.Flow.LitresWithin(from, to)), p.Random))).ToList();
        var days = network.Districts.SelectMany(d => DistrictDays(network, d, from, to)).ToList();
        return new GroundTruth(network.Municipality, from, to, seed, meters, leaks, bursts, replacements, holidays, pipeLeaks, days);
    }

    public static async Task WriteAsync(string path, GroundTruth truth, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        OutputFiles.CreateDirectoryOf(path);
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, truth, GroundTruthJsonContext.Default.GroundTruth, cancellationToken);
    }

    /// <summary>Per local day: what each household drew (its meter's flow) and what the pipes lost; the inflow is their sum.</summary>
    private static IEnumerable<GroundTruthDistrictDay> DistrictDays(WaterNetworkPlan network, District district, DateTimeOffset from, DateTimeOffset to)
    {
        var flows = network.HouseholdsOf(district).Select(h => h.CreateFlow(from)).ToList();
        var losses = district.Losses;
        for (var date = NorwegianTime.DateAt(from); NorwegianTime.MidnightOf(date) < to; date = date.AddDays(1))
        {
            var day = LocalDay.Of(date);
            var start = day.Start > from ? day.Start : from;
            var end = day.End < to ? day.End : to;
            var households = 0.0;
            foreach (var flow in flows)
            {
                households -= flow.LitresUntil(start);
                households += flow.LitresUntil(end);
            }

            var lost = losses.Sum(loss => loss.LitresWithin(start, end));
            yield return new GroundTruthDistrictDay(district.Name, date, Round(households + lost), Round(households), Round(lost), start == day.Start && end == day.End);
        }
    }

    private static string Interval(TimeSpan interval) => interval.ToString("c", CultureInfo.InvariantCulture);

    private static double Round(double litres) => Math.Round(litres, 3);
}
