using System.ComponentModel.DataAnnotations;
using System.Globalization;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.OptionsValidation;
using SmartOverhalla.Simulators.Devices;
using SmartOverhalla.Simulators.WaterNetwork;

namespace SmartOverhalla.Simulators.Configuration;

/// <summary>
/// What attributes cannot check in the water settings: that each scenario entry names a meter or district this fleet
/// has, that ends come after starts, that bursts are long enough for the platform to see, and that the backfill range
/// makes sense. Each message names the setting (<c>Simulators:Water:Leaks:0:Meter</c>) and says what is wrong.
/// </summary>
internal static class WaterScenarioValidation
{
    public static IEnumerable<ValidationResult> Validate(SimulatorOptions options, ValidationContext context)
    {
        var water = options.Water;
        if (water is null || options.DeviceIdPrefix is null)
        {
            yield break;
        }

        string Key(params string[] members) => ConfigurationKey.Of(context, [nameof(SimulatorOptions.Water), .. members]);
        string Index(int i) => i.ToString(CultureInfo.InvariantCulture);
        var districts = options.Watermeters == 0 ? 0 : water.Districts;

        if (water.HouseholdIntervalMin > water.HouseholdIntervalMax)
        {
            yield return Fail($"{Key(nameof(WaterOptions.HouseholdIntervalMin))} ({water.HouseholdIntervalMin:c}) is longer than {Key(nameof(WaterOptions.HouseholdIntervalMax))} ({water.HouseholdIntervalMax:c}).");
        }

        if (options.Watermeters > 0 && water.Districts > options.Watermeters)
        {
            yield return Fail($"{Key(nameof(WaterOptions.Districts))} is {water.Districts}, more than the {options.Watermeters} household meters: every district needs at least one household.");
        }

        for (var i = 0; i < water.Leaks.Count; i++)
        {
            var leak = water.Leaks[i];
            foreach (var problem in MeterProblems(options, leak.Meter, Key(nameof(WaterOptions.Leaks), Index(i), nameof(WaterLeakOptions.Meter))))
            {
                yield return problem;
            }

            if (leak.End is { } end && leak.Start is { } start && end <= start)
            {
                yield return Fail($"{Key(nameof(WaterOptions.Leaks), Index(i), nameof(WaterLeakOptions.End))} ({end:O}) is not after its Start ({start:O}).");
            }
        }

        for (var i = 0; i < water.Bursts.Count; i++)
        {
            var burst = water.Bursts[i];
            foreach (var problem in MeterProblems(options, burst.Meter, Key(nameof(WaterOptions.Bursts), Index(i), nameof(WaterBurstOptions.Meter))))
            {
                yield return problem;
            }

            if (burst.Duration < water.MinBurstDuration)
            {
                yield return Fail(
                    $"{Key(nameof(WaterOptions.Bursts), Index(i), nameof(WaterBurstOptions.Duration))} is {burst.Duration:c}, shorter than {water.MinBurstDuration:c}: "
                    + $"a meter with a burst reports every {water.HouseholdIntervalMin:c}, and the platform needs whole intervals of high flow covering {WaterOptions.BurstRuleSpan:c}.");
            }
        }

        for (var i = 0; i < water.Replacements.Count; i++)
        {
            foreach (var problem in MeterProblems(options, water.Replacements[i].Meter, Key(nameof(WaterOptions.Replacements), Index(i), nameof(MeterReplacementOptions.Meter))))
            {
                yield return problem;
            }
        }

        for (var i = 0; i < water.Holidays.Count; i++)
        {
            var holiday = water.Holidays[i];
            foreach (var problem in MeterProblems(options, holiday.Meter, Key(nameof(WaterOptions.Holidays), Index(i), nameof(HolidayOptions.Meter))))
            {
                yield return problem;
            }

            if (holiday.End is { } end && holiday.Start is { } start && end <= start)
            {
                yield return Fail($"{Key(nameof(WaterOptions.Holidays), Index(i), nameof(HolidayOptions.End))} ({end:O}) is not after its Start ({start:O}).");
            }
        }

        for (var i = 0; i < water.PipeLeaks.Count; i++)
        {
            var leak = water.PipeLeaks[i];
            if (!string.IsNullOrWhiteSpace(leak.District) && ScenarioReferences.District(leak.District, districts) is null)
            {
                var have = districts == 0 ? "there are no districts (set Simulators:Water:Districts, and household meters)" : $"the districts are 1 to {districts} ({District.NameOf(1)} to {District.NameOf(districts)})";
                yield return Fail($"{Key(nameof(WaterOptions.PipeLeaks), Index(i), nameof(PipeLeakOptions.District))} names '{leak.District}', which is not a simulated district: {have}.");
            }

            if (leak.End is { } end && leak.Start is { } start && end <= start)
            {
                yield return Fail($"{Key(nameof(WaterOptions.PipeLeaks), Index(i), nameof(PipeLeakOptions.End))} ({end:O}) is not after its Start ({start:O}).");
            }
        }

        var scenarioCounts = water.RandomLeaks + water.RandomBursts + water.RandomReplacements + water.Leaks.Count + water.Bursts.Count + water.Replacements.Count + water.Holidays.Count;
        if (options.Watermeters == 0 && scenarioCounts > 0)
        {
            yield return Fail($"{Key()} asks for leaks, bursts, replacements or holidays, but {ConfigurationKey.Of(context, nameof(SimulatorOptions.Watermeters))} is 0: there is no household meter to put them on.");
        }

        if (water.RandomPipeLeaks > 0 && districts == 0)
        {
            yield return Fail($"{Key(nameof(WaterOptions.RandomPipeLeaks))} is {water.RandomPipeLeaks}, but there are no districts (set {Key(nameof(WaterOptions.Districts))}, and household meters).");
        }
    }

    public static IEnumerable<ValidationResult> ValidateBackfill(SimulatorOptions options, ValidationContext context)
    {
        var backfill = options.Backfill;
        if (backfill is null || !backfill.Enabled)
        {
            yield break;
        }

        string Key(string member) => ConfigurationKey.Of(context, nameof(SimulatorOptions.Backfill), member);
        if (backfill.From is null || backfill.To is null)
        {
            yield return Fail($"{Key(backfill.From is null ? nameof(BackfillOptions.From) : nameof(BackfillOptions.To))} is missing: a backfill needs both {Key(nameof(BackfillOptions.From))} and {Key(nameof(BackfillOptions.To))}.");
            yield break;
        }

        if (backfill.To <= backfill.From)
        {
            yield return Fail($"{Key(nameof(BackfillOptions.To))} ({backfill.To:O}) is not after {Key(nameof(BackfillOptions.From))} ({backfill.From:O}).");
        }
        else if (backfill.To - backfill.From > BackfillOptions.MaxRange)
        {
            yield return Fail($"The backfill range {backfill.From:O} to {backfill.To:O} is longer than {BackfillOptions.MaxRange.TotalDays:0} days, the raw retention of water readings.");
        }

        if (options.Watermeters == 0)
        {
            yield return Fail($"{ConfigurationKey.Of(context, nameof(SimulatorOptions.Watermeters))} is 0: a backfill writes water meter readings only, and there would be none.");
        }
    }

    private static IEnumerable<ValidationResult> MeterProblems(SimulatorOptions options, string? reference, string key)
    {
        if (string.IsNullOrWhiteSpace(reference) || ScenarioReferences.Household(reference, options.DeviceIdPrefix, options.Watermeters) is not null)
        {
            yield break;
        }

        var have = options.Watermeters == 0
            ? "there are no simulated household meters"
            : $"the household meters are 1 to {options.Watermeters} ({DeviceIds.Format(options.DeviceIdPrefix, DeviceKind.Watermeter, 1)} to {DeviceIds.Format(options.DeviceIdPrefix, DeviceKind.Watermeter, options.Watermeters)})";
        yield return Fail($"{key} names '{reference}', which is not a simulated household meter: {have}.");
    }

    private static ValidationResult Fail(string message) => new(message, [nameof(SimulatorOptions.Water)]);
}
