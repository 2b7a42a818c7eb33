using SmartOverhalla.Contracts.Messages;

namespace SmartOverhalla.Simulators.Models.Watermeters;

/// <summary>
/// The meter where a district metered area (DMA) takes water from the mains: it measures what all its households draw
/// (their own <see cref="HouseholdFlow"/>s, the same water their meters count) plus the real losses of the district's
/// pipes (background leakage and pipe leaks). Mains-powered (battery 100 %), no alarms.
/// </summary>
internal sealed class DistrictInflowModel : IDeviceModel
{
    private readonly string _deviceId;
    private readonly TimeProvider _time;
    private readonly IReadOnlyList<HouseholdFlow> _households;
    private readonly IReadOnlyList<ConstantFlow> _losses;
    private readonly DateTimeOffset _origin;
    private readonly double _initialRegisterL;
    private readonly double _baseTempC;
    private readonly Random _random;

    public DistrictInflowModel(string deviceId, int seed, IReadOnlyList<HouseholdFlow> households, IReadOnlyList<ConstantFlow> losses, DateTimeOffset origin, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrEmpty(deviceId);
        ArgumentNullException.ThrowIfNull(households);
        ArgumentNullException.ThrowIfNull(losses);
        ArgumentNullException.ThrowIfNull(time);
        _deviceId = deviceId;
        _households = households;
        _losses = losses;
        _origin = origin;
        _time = time;
        _random = new Random(~seed);
        _initialRegisterL = Math.Round(_random.NextDouble(1_000_000, 50_000_000), 1);
        _baseTempC = _random.NextDouble(7.5, 8.5);
    }

    /// <summary>Litres the households drew from the origin to the last reading.</summary>
    public double HouseholdLitres { get; private set; }

    /// <summary>Litres lost in the pipes from the origin to the last reading.</summary>
    public double LossLitres { get; private set; }

    public WatermeterTelemetry Next()
    {
        var now = _time.GetUtcNow();
        var households = 0.0;
        var rate = 0.0;
        foreach (var household in _households)
        {
            households += household.LitresUntil(now);
            rate += household.RateNow();
        }

        var losses = 0.0;
        foreach (var loss in _losses)
        {
            losses += loss.LitresWithin(_origin, now);
            rate += loss.IsActiveAt(now) ? loss.RateLph : 0;
        }

        (HouseholdLitres, LossLitres) = (households, losses);
        var volume = Math.Round(_initialRegisterL + households + losses, WatermeterModel.RegisterDecimals);
        var alarms = new WatermeterAlarms(Leak: false, Burst: false, Backflow: false, Dry: false, Tamper: false, LowBattery: false);
        return new WatermeterTelemetry(_deviceId, now, volume, Math.Round(rate, 1), MainsWaterTemperature.At(now, _baseTempC, _random), 100, alarms);
    }

    IDeviceMessage IDeviceModel.Next() => Next();
}
