using SmartOverhalla.Simulators.Configuration;
using SmartOverhalla.Simulators.Models;
using SmartOverhalla.Simulators.Models.Watermeters;

namespace SmartOverhalla.Simulators.WaterNetwork;

/// <summary>
/// The scenario of one run: the configured entries plus those drawn with the seed, by meter and district. Each kind of
/// fault draws from its own random stream, so adding bursts does not move the leaks.
/// </summary>
internal sealed class ScenarioDraw
{
    private readonly List<(int Meter, ScenarioLeak Leak)> _leaks = [];
    private readonly List<(int Meter, ScenarioBurst Burst)> _bursts = [];
    private readonly List<(int Meter, DateTimeOffset At)> _replacements = [];
    private readonly List<(int Meter, ScenarioHoliday Holiday)> _holidays = [];
    private readonly List<(int District, ScenarioPipeLeak Leak)> _pipeLeaks = [];

    public ScenarioDraw(SimulatorOptions options, DateTimeOffset from, DateTimeOffset windowEnd)
    {
        var water = options.Water;
        var meters = options.Watermeters;
        var districts = meters == 0 ? 0 : water.Districts;
        int Meter(string? reference) => ScenarioReferences.Household(reference, options.DeviceIdPrefix, meters)
            ?? throw new ArgumentException($"No household meter '{reference}': the options were not validated.", nameof(options));

        foreach (var leak in water.Leaks)
        {
            _leaks.Add((Meter(leak.Meter), new ScenarioLeak(new ConstantFlow(leak.Start!.Value, leak.End, leak.RateLph), Random: false)));
        }

        foreach (var burst in water.Bursts)
        {
            _bursts.Add((Meter(burst.Meter), new ScenarioBurst(new ConstantFlow(burst.Start!.Value, burst.Start.Value + burst.Duration, burst.RateLph), Random: false)));
        }

        _replacements.AddRange(water.Replacements.Select(r => (Meter(r.Meter), r.At!.Value)));
        foreach (var holiday in water.Holidays)
        {
            _holidays.Add((Meter(holiday.Meter), new ScenarioHoliday(holiday.Start!.Value, holiday.End!.Value, Random: false)));
        }

        foreach (var leak in water.PipeLeaks)
        {
            var district = ScenarioReferences.District(leak.District, districts) ?? throw new ArgumentException($"No district '{leak.District}'.", nameof(options));
            _pipeLeaks.Add((district, new ScenarioPipeLeak(new ConstantFlow(leak.Start!.Value, leak.End, leak.RateLph), Random: false)));
        }

        if (meters > 0)
        {
            DrawRandom(options, from, windowEnd, districts);
        }
    }

    public IReadOnlyList<ScenarioLeak> LeaksOf(int meter) => [.. _leaks.Where(l => l.Meter == meter).Select(l => l.Leak)];

    public IReadOnlyList<ScenarioBurst> BurstsOf(int meter) => [.. _bursts.Where(b => b.Meter == meter).Select(b => b.Burst)];

    public IReadOnlyList<DateTimeOffset> ReplacementsOf(int meter) => [.. _replacements.Where(r => r.Meter == meter).Select(r => r.At).Order()];

    public IReadOnlyList<ScenarioHoliday> HolidaysOf(int meter) => [.. _holidays.Where(h => h.Meter == meter).Select(h => h.Holiday)];

    public IReadOnlyList<ScenarioPipeLeak> PipeLeaksOf(int district) => [.. _pipeLeaks.Where(p => p.District == district).Select(p => p.Leak)];

    private void DrawRandom(SimulatorOptions options, DateTimeOffset from, DateTimeOffset windowEnd, int districts)
    {
        var water = options.Water;
        var meters = options.Watermeters;
        var window = windowEnd - from;

        // Leaks and bursts each go to different households while there are enough of them.
        var leakMeters = Shuffled(meters, new Random(options.Seed ^ 0x1EAC));
        var leakRandom = new Random(options.Seed ^ 0x1EAD);
        for (var i = 0; i < water.RandomLeaks; i++)
        {
            var start = MinuteIn(leakRandom, from, window);
            _leaks.Add((leakMeters[i % meters], new ScenarioLeak(new ConstantFlow(start, null, Math.Round(leakRandom.NextDouble(10, 30), 1)), Random: true)));
        }

        var burstMeters = Shuffled(meters, new Random(options.Seed ^ 0xB125));
        var burstRandom = new Random(options.Seed ^ 0xB126);
        for (var i = 0; i < water.RandomBursts; i++)
        {
            var shortest = (int)Math.Ceiling(water.MinBurstDuration.TotalMinutes);
            var duration = TimeSpan.FromMinutes(burstRandom.Next(shortest, shortest + 121));
            var start = MinuteIn(burstRandom, from, window > duration ? window - duration : TimeSpan.Zero);
            var meter = burstMeters[(i + water.RandomLeaks) % meters];
            _bursts.Add((meter, new ScenarioBurst(new ConstantFlow(start, start + duration, Math.Round(burstRandom.NextDouble(1500, 3000))), Random: true)));
        }

        var replacementRandom = new Random(options.Seed ^ 0x2E91);
        for (var i = 0; i < water.RandomReplacements; i++)
        {
            _replacements.Add((replacementRandom.Next(1, meters + 1), MinuteIn(replacementRandom, from, window)));
        }

        var holidayRandom = new Random(options.Seed ^ 0x4011);
        var days = Math.Max(1, (int)window.TotalDays);
        for (var meter = 1; meter <= meters; meter++)
        {
            if (!holidayRandom.NextChance(water.HolidayShare))
            {
                continue;
            }

            var first = SmartOverhalla.Time.NorwegianTime.DateAt(from).AddDays(holidayRandom.Next(0, days));
            var start = SmartOverhalla.Time.NorwegianTime.MidnightOf(first);
            var end = SmartOverhalla.Time.NorwegianTime.MidnightOf(first.AddDays(holidayRandom.Next(3, 11)));
            _holidays.Add((meter, new ScenarioHoliday(start, end, Random: true)));
        }

        var pipeRandom = new Random(options.Seed ^ 0x919E);
        for (var i = 0; i < water.RandomPipeLeaks && districts > 0; i++)
        {
            var district = pipeRandom.Next(1, districts + 1);
            _pipeLeaks.Add((district, new ScenarioPipeLeak(new ConstantFlow(MinuteIn(pipeRandom, from, window), null, Math.Round(pipeRandom.NextDouble(100, 600))), Random: true)));
        }
    }

    private static DateTimeOffset MinuteIn(Random random, DateTimeOffset from, TimeSpan window) =>
        from + TimeSpan.FromMinutes(Math.Floor(random.NextDouble() * Math.Max(0, window.TotalMinutes)));

    private static int[] Shuffled(int count, Random random)
    {
        var numbers = Enumerable.Range(1, count).ToArray();
        random.Shuffle(numbers);
        return numbers;
    }
}
