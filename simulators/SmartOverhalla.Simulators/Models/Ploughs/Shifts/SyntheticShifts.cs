using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Ploughing.Roads;
using SmartOverhalla.Simulators.Backfill;

namespace SmartOverhalla.Simulators.Models.Ploughs.Shifts;

/// <summary>
/// Shifts on the synthetic network: its three shares (the county road; Elvevegen and Ringvegen; Skogvegen with its dead
/// end and the footway), the depot where the county road meets Skogvegen, and the recording of a shift on a virtual
/// clock: a fix every interval and one the moment the plough is lifted or lowered.
/// </summary>
internal static class SyntheticShifts
{
    public static readonly IReadOnlyList<IReadOnlyList<string>> Shares =
    [
        ["fv9017-1", "fv9017-2", "fv9017-3", "fv9017-4"],
        ["elvevegen-1", "elvevegen-2", "elvevegen-3", "ringvegen-1"],
        ["skogvegen-1", "skogvegen-2", "skogvegen-3", "gs-sentrum-1"],
    ];

    /// <summary>The depot: the node where the county road meets Skogvegen.</summary>
    public static int Depot(RoadNetwork network, RoadGraph graph)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(graph);
        return graph.StartOf(graph.IndexOf(network.Find("skogvegen-1") ?? throw new ArgumentException("Not the synthetic network: no skogvegen-1.", nameof(network))));
    }

    /// <summary>The segments of share <paramref name="share"/> (taken round: share 3 is share 0).</summary>
    public static IEnumerable<RoadSegment> Share(RoadNetwork network, int share)
    {
        ArgumentNullException.ThrowIfNull(network);
        return Shares[share % Shares.Count].Select(id => network.Find(id) ?? throw new ArgumentException($"Not the synthetic network: no {id}.", nameof(network)));
    }

    /// <summary>
    /// Drives <paramref name="model"/> from <paramref name="clock"/>'s time until its shift is done or
    /// <paramref name="until"/>: a fix every <paramref name="interval"/>, and one when the plough is lifted or lowered in between.
    /// </summary>
    public static List<PloughTelemetry> Record(ShiftPloughModel model, VirtualClock clock, TimeSpan interval, DateTimeOffset until)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        var fixes = new List<PloughTelemetry> { model.Next() };
        var regular = clock.Now + interval;
        while (!model.ShiftDone && clock.Now < until)
        {
            clock.Now = model.UntilPloughChange is { } change && change > TimeSpan.Zero && clock.Now + change < regular ? clock.Now + change : regular;
            if (clock.Now == regular)
            {
                regular += interval;
            }

            fixes.Add(model.Next());
        }

        return fixes;
    }
}
