using System.Diagnostics;
using System.Globalization;
using SmartOverhalla.Ploughing.Distances;
using SmartOverhalla.Ploughing.Matching;
using SmartOverhalla.Ploughing.Passes;
using SmartOverhalla.Ploughing.Roads;
using SmartOverhalla.Ploughing.Status;

namespace SmartOverhalla.PloughBench;

/// <summary>
/// Map matching of a winter: N ploughs × D snow days × H-hour shifts, each vehicle-day matched, cut into passes and its
/// kilometres counted (what the analytics host computes per vehicle and day), and the passes of all into clearings.
/// Only that work is timed; making the fixes (the simulator) is not.
/// </summary>
internal static class WinterBench
{
    public static int Run(string[] args)
    {
        var ploughs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        var snowDays = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 60;
        var shiftHours = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 8;
        var network = SyntheticRoads.Load();
        var graph = new RoadGraph(network);
        var matcher = new MapMatcher(network);
        var oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");
        var firstDay = new DateTimeOffset(2026, 11, 15, 5, 0, 0, TimeSpan.Zero);

        long fixes = 0;
        long matched = 0;
        double downMetres = 0;
        var passes = new List<PloughPass>();
        var perVehicleDay = new List<double>();
        var matching = new Stopwatch();
        long allocated = 0;
        var making = Stopwatch.StartNew();
        for (var day = 0; day < snowDays; day++)
        {
            // Snow days spread over the winter, every other day or so.
            var start = firstDay.AddDays(day * 2);
            for (var plough = 0; plough < ploughs; plough++)
            {
                var track = WinterShifts.Day(network, graph, plough, start, TimeSpan.FromHours(shiftHours));
                fixes += track.Count;
                var one = Stopwatch.StartNew();
                var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
                matching.Start();
                var result = matcher.Match(track);
                passes.AddRange(PassFinder.Find($"plough-{plough + 1}", result));
                downMetres += DrivenDistances.PerDay($"plough-{plough + 1}", result, oslo).Sum(d => d.PloughDownMetres);
                matching.Stop();
                allocated += GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
                perVehicleDay.Add(one.Elapsed.TotalMilliseconds);
                matched += result.Points.Count(p => p.IsMatched);
            }
        }

        matching.Start();
        var clearings = Clearings.From(passes);
        matching.Stop();
        making.Stop();
        perVehicleDay.Sort();
        var seconds = matching.Elapsed.TotalSeconds;
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"""
            | ploughs | snow days | shift | fixes | matched | passes | clearings | plough down |
            |---|---|---|---|---|---|---|---|
            | {ploughs} | {snowDays} | {shiftHours} h | {fixes:N0} | {(double)matched / fixes:P1} | {passes.Count:N0} | {clearings.Count:N0} | {downMetres / 1000:N0} km |

            | matching (match + passes + km, and clearings) | per fix | fixes/s | per vehicle-day p50 / max | whole run (making the fixes too) | allocated matching | peak working set |
            |---|---|---|---|---|---|---|
            | {seconds:0.0} s | {seconds * 1e6 / fixes:0.0} µs | {fixes / seconds:N0} | {perVehicleDay[perVehicleDay.Count / 2]:0} ms / {perVehicleDay[^1]:0} ms | {making.Elapsed.TotalSeconds:0} s | {allocated / (double)fixes:N0} B per fix | {Environment.WorkingSet / 1048576.0:N0} MiB (now) / {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MiB |
            """));
        return 0;
    }
}
