using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartOverhalla.Analytics.Jobs;
using SmartOverhalla.DerivedSeries.Lighting;
using SmartOverhalla.Lighting.Reloading;
using SmartOverhalla.Lighting.Savings;
using SmartOverhalla.Time;

namespace SmartOverhalla.Analytics.Lighting;

/// <summary>
/// Energy and savings of street lighting per light, zone, day and month (domains/SmartOverhalla.Lighting, <c>Savings/</c>).
/// Partition: a zone of the zones file (or <see cref="SavingsZones.Unzoned"/>, lights no zone claims); window: a local
/// day. For one zone and day it reads the readings of the zone's lights, computes each light's day and the zone's day,
/// writes them, then rewrites the zone's month row as the sum of its day rows. Every point is stamped at its day's (or
/// month's) local midnight, so computing a day again overwrites it.
/// </summary>
internal sealed class LightingSavingsJob(
    StreetlightTelemetryReader telemetry,
    SavingsDayInputsCache dayInputs,
    SavingsSeries series,
    IZoneConfigurationSource zones,
    IOptions<LightingSavingsOptions> options,
    ILogger<LightingSavingsJob> logger) : IDerivedDataJob
{
    public const string JobName = "lighting-savings";

    /// <summary>Its schedule's configuration section under <c>Analytics:Jobs</c>.</summary>
    public const string SectionKey = "LightingSavings";

    private readonly LightingSavingsOptions _options = options.Value;

    public string Name => JobName;

    public IJobWindows Windows => LocalDayWindows.Instance;

    /// <summary>The zones file's zone ids and <see cref="SavingsZones.Unzoned"/>.</summary>
    public IReadOnlyList<string> Partitions() => [.. zones.Current.Zones.Select(z => z.Id).Append(SavingsZones.Unzoned)];

    public async Task<JobWindowResult> RunAsync(string partition, JobWindow window, CancellationToken cancellationToken)
    {
        // One configuration for the whole window, even if the file is reloaded meanwhile.
        var configuration = zones.Current;
        var municipality = configuration.Municipality;
        var day = LocalDay.At(window.Start);
        var inputs = await dayInputs.GetAsync(municipality, day.Date, () => LoadDayAsync(municipality, day, cancellationToken));
        var lights = inputs.Lights.Where(light => (configuration.ZoneOf(light)?.Id ?? SavingsZones.Unzoned) == partition).ToList();
        if (lights.Count == 0)
        {
            Log.NoTelemetry(logger, municipality, partition, day.Date);
            return JobWindowResult.Empty;
        }

        var rules = _options.Rules();
        var fullPower = inputs.FullPower;
        var lightRows = new List<LightSavingsRow>(lights.Count);
        foreach (var batch in lights.Chunk(_options.LightsPerQuery))
        {
            // Readings up to MaxSampleGap either side of the day: the intervals across midnight that still count.
            var samples = await telemetry.SamplesAsync(municipality, batch, day.Start - _options.MaxSampleGap, day.End + _options.MaxSampleGap, cancellationToken);
            var rows = SavingsCalculator.Lights(
                day,
                batch.Select(light => new LightDayInput(light, configuration.ZoneOf(light)?.Id, samples.GetValueOrDefault(light) ?? [], fullPower.TryGetValue(light, out var seen) ? seen : null)),
                rules);
            await series.WriteLightsAsync(municipality, rows, cancellationToken);
            lightRows.AddRange(rows);
        }

        var zoneRows = SavingsCalculator.Zones(day.Date, lightRows);
        await series.WriteAsync(municipality, SavingsPeriod.Day, zoneRows, cancellationToken);
        var month = LocalDay.MonthOf(day.Date);
        var monthRows = await series.SumOfDaysAsync(municipality, month, partition, cancellationToken);
        await series.WriteAsync(municipality, SavingsPeriod.Month, monthRows, cancellationToken);
        Log.DayComputed(logger, municipality, partition, day.Date, lights.Count, zoneRows.Sum(r => r.SavedKWh));
        return new JobWindowResult(lights.Count, lightRows.Count + zoneRows.Count + monthRows.Count);
    }

    /// <summary>The municipality's lights with readings on <paramref name="day"/>, and their readings at 100 % up to its end.</summary>
    private async Task<SavingsDayInputs> LoadDayAsync(string municipality, LocalDay day, CancellationToken cancellationToken)
    {
        var lights = await telemetry.LightsAsync(municipality, day.Start, day.End, cancellationToken);
        var fullPower = _options.LearnRatedPower && lights.Count > 0
            ? await telemetry.FullPowerAsync(municipality, day.End - _options.RatedPowerLearningWindow, day.End, cancellationToken)
            : new Dictionary<string, FullPowerObservation>();
        return new SavingsDayInputs(lights, fullPower);
    }
}
