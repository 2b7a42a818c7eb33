using SmartOverhalla.Time;

namespace SmartOverhalla.Simulators.Models.Watermeters;

/// <summary>
/// Plans one household's uses of water for one local day: how many of each kind (Poisson around the residents'
/// average), each at a time drawn from the day's rhythm, one after the other (a use that would overlap the previous one
/// waits for it, so the household's flow is never more than one use's). The same household and date always give the
/// same plan, whichever order days are asked in, so several models of one household (its meter, its district's inflow
/// meter, the ground truth) see exactly the same water.
/// </summary>
internal static class HouseholdDayPlanner
{
    public static List<WaterUse> Plan(HouseholdTraits traits, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(traits);
        var random = new Random(DaySeed(traits.Seed, date));
        var weekend = HouseholdRhythm.IsWeekend(date);
        var midnight = NorwegianTime.MidnightOf(date);
        var uses = new List<WaterUse>();
        foreach (var kind in WaterUseKind.All)
        {
            var count = Poisson(random, kind.PerResidentPerDay * traits.Residents * traits.UseFactor);
            for (var i = 0; i < count; i++)
            {
                var start = midnight + TimeSpan.FromHours(HouseholdRhythm.DrawHour(random, weekend));
                var duration = kind.MinDuration + ((kind.MaxDuration - kind.MinDuration) * random.NextDouble());
                var rate = Math.Round(random.NextDouble(kind.MinRateLph, kind.MaxRateLph), 1);
                uses.Add(new WaterUse(start, start + duration, rate));
            }
        }

        uses.Sort((a, b) => a.Start.CompareTo(b.Start));
        for (var i = 1; i < uses.Count; i++)
        {
            if (uses[i].Start < uses[i - 1].End)
            {
                var wait = uses[i - 1].End - uses[i].Start;
                uses[i] = uses[i] with { Start = uses[i].Start + wait, End = uses[i].End + wait };
            }
        }

        return uses;
    }

    /// <summary>Knuth's method: fine for the small means of a household's day.</summary>
    private static int Poisson(Random random, double mean)
    {
        var limit = Math.Exp(-mean);
        var count = 0;
        var product = random.NextDouble();
        while (product > limit)
        {
            count++;
            product *= random.NextDouble();
        }

        return count;
    }

    private static int DaySeed(int seed, DateOnly date)
    {
        unchecked
        {
            var x = ((ulong)(uint)seed << 32) ^ (uint)date.DayNumber;
            x += 0x9E3779B97F4A7C15UL;
            x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
            x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
            x ^= x >> 31;
            return (int)(x ^ (x >> 32));
        }
    }
}
