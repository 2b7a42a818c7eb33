using SmartOverhalla.Contracts.Messages;

namespace SmartOverhalla.Simulators.Models.Streetlights;

/// <summary>
/// One LED street light with a metering controller. Power follows the dim level of the local
/// schedule; the energy register integrates the power actually drawn, so it grows with every
/// reading and matches power × time (what ingestion and the savings reports check).
/// </summary>
internal sealed class StreetlightModel : IDeviceModel
{
    /// <summary>What the LED driver itself draws while the lamp is lit.</summary>
    public const double DriverOverheadW = 1.0;

    /// <summary>What the controller node (radio, meter) draws while the lamp is off.</summary>
    public const double ControllerStandbyW = 0.5;

    /// <summary>Metering noise relative to the rated power (class 1 meters are within ±1 %).</summary>
    private const double NoiseFraction = 0.01;

    /// <summary>
    /// Register resolution of 1 mWh: fine enough that even 0.5 W over the shortest interval (10 ms)
    /// moves the reported register, so it grows with every reading.
    /// </summary>
    public const int RegisterDecimals = 9;

    /// <summary>Typical annual burning hours at this latitude, for a plausible starting register.</summary>
    private const double BurningHoursPerYear = 4_000;

    private readonly string _deviceId;
    private readonly TimeProvider _time;
    private readonly Random _random;
    private readonly TimeSpan _photocellOffset;
    private DateTimeOffset? _lastReading;
    private double _lastPowerW;

    public StreetlightModel(string deviceId, int seed, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrEmpty(deviceId);
        ArgumentNullException.ThrowIfNull(time);
        _deviceId = deviceId;
        _time = time;
        _random = new Random(seed);

        // Road lighting LED luminaires in a rural municipality: 40-80 W.
        RatedPowerW = Math.Round(_random.NextDouble(40, 80));
        _photocellOffset = TimeSpan.FromMinutes(_random.NextNoise(10));
        var ageYears = _random.NextDouble(0, 8);
        EnergyKWh = Math.Round(RatedPowerW * BurningHoursPerYear * ageYears * 0.8 / 1000, 3);
    }

    /// <summary>Power at 100 % light output, watts.</summary>
    public double RatedPowerW { get; }

    /// <summary>The cumulative energy register, kWh.</summary>
    public double EnergyKWh { get; private set; }

    public StreetlightTelemetry Next()
    {
        var now = _time.GetUtcNow();
        if (_lastReading is { } last && now > last)
        {
            // The power of the last reading was drawn until now (a left Riemann sum, like a pulse meter).
            EnergyKWh += _lastPowerW * (now - last).TotalHours / 1000;
        }

        var level = LocalLightingSchedule.DimLevelAt(now, _photocellOffset);
        var powerW = level > 0
            ? (RatedPowerW * level / 100) + DriverOverheadW + _random.NextNoise(NoiseFraction * RatedPowerW)
            : ControllerStandbyW;
        powerW = Math.Round(powerW, 2);

        _lastReading = now;
        _lastPowerW = powerW;
        return new StreetlightTelemetry(_deviceId, now, level, powerW, Math.Round(EnergyKWh, RegisterDecimals), LampOn: level > 0);
    }

    IDeviceMessage IDeviceModel.Next() => Next();
}
