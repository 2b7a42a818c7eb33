using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Water.Leaks;

namespace SmartOverhalla.Simulators.Models.Watermeters;

/// <summary>
/// One digital household water meter. Its register counts the litres of its <see cref="HouseholdFlow"/> (uses, leaks,
/// bursts) and never runs backwards, except when the meter is replaced by a new one: from that instant the register
/// counts from zero again (same device id, new battery). The meter's own alarms: <c>leak</c> once it has seen flow
/// without a break for 24 hours, <c>burst</c> while the flow is at least half of its nominal flow Q3 (2,500 L/h), and
/// <c>lowBattery</c> at 10 % or less; the others stay off. <c>flowLph</c> is the flow at the instant of the reading.
/// </summary>
internal sealed class WatermeterModel : IDeviceModel
{
    /// <summary>Meters raise their low-battery flag at this level.</summary>
    public const int LowBatteryPct = 10;

    /// <summary>Register resolution of 1 ml, finer than any real meter's, so short test intervals still show flow.</summary>
    public const int RegisterDecimals = 3;

    /// <summary>Continuous flow for this long sets the meter's leak alarm (the makers' definition, as the platform's rule).</summary>
    public static readonly TimeSpan LeakAlarmAfter = LeakRules.Household.LeakAfter;

    private static readonly TimeSpan Year = TimeSpan.FromDays(365.25);

    private readonly string _deviceId;
    private readonly TimeProvider _time;
    private readonly Random _random;
    private readonly HouseholdFlow _flow;
    private readonly Queue<DateTimeOffset> _replacements;
    private readonly double _drainPctPerYear;
    private readonly double _baseTempC;
    private double _registerAtStartL;
    private double _litresAtStart;
    private DateTimeOffset _batteryFrom;
    private double _batteryFromPct;

    /// <summary>A household of its own (drawn from <paramref name="seed"/>) without faults, from the clock's present.</summary>
    public WatermeterModel(string deviceId, int seed, TimeProvider time)
        : this(deviceId, seed, new HouseholdFlow(HouseholdTraits.Draw(seed), time.GetUtcNow(), [], []), [], time)
    {
    }

    /// <param name="replacements">When the meter is replaced by a new one (register back to zero), in any order.</param>
    public WatermeterModel(string deviceId, int seed, HouseholdFlow flow, IReadOnlyList<DateTimeOffset> replacements, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrEmpty(deviceId);
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(replacements);
        ArgumentNullException.ThrowIfNull(time);
        _deviceId = deviceId;
        _time = time;
        _flow = flow;
        _replacements = new Queue<DateTimeOffset>(replacements.Where(r => r > flow.Origin).Order());
        _random = new Random(~seed);
        _registerAtStartL = InitialRegisterL(seed);
        _batteryFrom = flow.Origin;
        _batteryFromPct = _random.NextDouble(60, 100);

        // Meter batteries are specified for 10-15 years of hourly radio readings.
        _drainPctPerYear = _random.NextDouble(6, 10);
        _baseTempC = _random.NextDouble(7.5, 8.5);
    }

    /// <summary>The cumulative volume register at the last reading, litres.</summary>
    public double VolumeL { get; private set; }

    /// <summary>The register of a meter that has been in service for some years: 20–900 m³, from the seed.</summary>
    public static double InitialRegisterL(int seed) => Math.Round(new Random(seed ^ 0x5EED).NextDouble(20_000, 900_000), 1);

    public WatermeterTelemetry Next()
    {
        var now = _time.GetUtcNow();
        while (_replacements.TryPeek(out var replaced) && replaced <= now)
        {
            // The new meter starts at zero and counts only what flows after it was fitted.
            _replacements.Dequeue();
            _litresAtStart = _flow.LitresUntil(replaced);
            _registerAtStartL = 0;
            _batteryFrom = replaced;
            _batteryFromPct = 100;
        }

        VolumeL = Math.Round(_registerAtStartL + (_flow.LitresUntil(now) - _litresAtStart), RegisterDecimals);
        var flowLph = Math.Round(_flow.RateNow(), 1);
        var batteryPct = BatteryPctAt(now);
        var continuousSince = ConstantFlow.ContinuousSince(_flow.ConstantFlows, now);
        var alarms = new WatermeterAlarms(
            Leak: continuousSince is { } since && now - since >= LeakAlarmAfter,
            Burst: flowLph >= LeakRules.Household.BurstFlowLph,
            Backflow: false,
            Dry: false,
            Tamper: false,
            LowBattery: batteryPct <= LowBatteryPct);
        return new WatermeterTelemetry(_deviceId, now, VolumeL, flowLph, MainsWaterTemperature.At(now, _baseTempC, _random), batteryPct, alarms);
    }

    IDeviceMessage IDeviceModel.Next() => Next();

    private int BatteryPctAt(DateTimeOffset now)
    {
        var years = Math.Max(0, (now - _batteryFrom) / Year);
        return (int)Math.Floor(Math.Max(0, _batteryFromPct - (_drainPctPerYear * years)));
    }
}
