using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Time;

namespace SmartOverhalla.Simulators.Models.Watermeters;

/// <summary>
/// One digital household water meter. The flow follows the household's day; the volume register
/// integrates it and never runs backwards; the battery drains slowly with time. No faults: alarms
/// stay off (a low battery is the only one that can come on by itself, after years).
/// </summary>
internal sealed class WatermeterModel : IDeviceModel
{
    /// <summary>Meters raise their low-battery flag at this level.</summary>
    public const int LowBatteryPct = 10;

    /// <summary>Register resolution of 1 ml, finer than any real meter's, so short test intervals still show flow.</summary>
    public const int RegisterDecimals = 3;

    public const double MinWaterTempC = 6;
    public const double MaxWaterTempC = 10;

    private static readonly TimeSpan Year = TimeSpan.FromDays(365.25);

    private readonly string _deviceId;
    private readonly TimeProvider _time;
    private readonly Random _random;
    private readonly int _residents;
    private readonly DateTimeOffset _installed;
    private readonly double _startBatteryPct;
    private readonly double _drainPctPerYear;
    private readonly double _baseTempC;
    private DateTimeOffset? _lastReading;
    private double _lastFlowLph;

    public WatermeterModel(string deviceId, int seed, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrEmpty(deviceId);
        ArgumentNullException.ThrowIfNull(time);
        _deviceId = deviceId;
        _time = time;
        _random = new Random(seed);
        _installed = time.GetUtcNow();

        _residents = _random.Next(1, 6);
        VolumeL = Math.Round(_random.NextDouble(20_000, 900_000), 1);
        _startBatteryPct = _random.NextDouble(60, 100);

        // Meter batteries are specified for 10-15 years of hourly radio readings.
        _drainPctPerYear = _random.NextDouble(6, 10);
        _baseTempC = _random.NextDouble(7.5, 8.5);
    }

    /// <summary>The cumulative volume register, litres.</summary>
    public double VolumeL { get; private set; }

    public WatermeterTelemetry Next()
    {
        var now = _time.GetUtcNow();
        if (_lastReading is { } last && now > last)
        {
            // The flow of the last reading ran until now.
            VolumeL += _lastFlowLph * (now - last).TotalHours;
        }

        var flowLph = Math.Round(HouseholdFlowProfile.PerResidentLph(NorwegianTime.HourOfDay(now)) * _residents * _random.NextDouble(0.7, 1.3), 1);
        var batteryPct = BatteryPctAt(now);
        _lastReading = now;
        _lastFlowLph = flowLph;

        var alarms = new WatermeterAlarms(
            Leak: false,
            Burst: false,
            Backflow: false,
            Dry: false,
            Tamper: false,
            LowBattery: batteryPct <= LowBatteryPct);
        return new WatermeterTelemetry(_deviceId, now, Math.Round(VolumeL, RegisterDecimals), flowLph, WaterTempAt(now), batteryPct, alarms);
    }

    IDeviceMessage IDeviceModel.Next() => Next();

    private int BatteryPctAt(DateTimeOffset now)
    {
        var years = Math.Max(0, (now - _installed) / Year);
        return (int)Math.Floor(Math.Max(0, _startBatteryPct - (_drainPctPerYear * years)));
    }

    /// <summary>
    /// Mains water follows the ground temperature: coldest in late winter, warmest in early autumn
    /// (around day 258, mid-September).
    /// </summary>
    private double WaterTempAt(DateTimeOffset now)
    {
        var season = Math.Cos(2 * Math.PI * (NorwegianTime.ToLocal(now).DayOfYear - 258) / 365.25);
        var temp = _baseTempC + (1.4 * season) + _random.NextNoise(0.1);
        return Math.Round(Math.Clamp(temp, MinWaterTempC, MaxWaterTempC), 2);
    }
}
