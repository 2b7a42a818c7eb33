using SmartOverhalla.Contracts.Messages;

namespace SmartOverhalla.Simulators.Models.Ploughs;

/// <summary>
/// One snowplough with a GPS tracker, driving its route in legs: mostly working legs (blade down,
/// 20-60 km/h, spreading sand or salt), sometimes transport legs (blade up, up to 80 km/h). The
/// heading is the direction actually moved since the last fix, and each fix carries GPS noise in
/// proportion to its HDOP, as a real receiver's does.
/// </summary>
internal sealed class PloughModel : IDeviceModel
{
    public const double MinWorkingKmh = 20;
    public const double MaxWorkingKmh = 60;
    public const double MinTransportKmh = 40;
    public const double MaxTransportKmh = 80;
    public const double MinHdop = 0.6;
    public const double MaxHdop = 2.5;

    /// <summary>Largest GPS error per axis per unit of HDOP, metres (a good receiver's user range error).</summary>
    public const double GpsErrorPerHdopM = 1.0;

    /// <summary>The blade is lifted briefly now and then while working: bridges, junctions, rail crossings.</summary>
    private const double BladeLiftChance = 0.08;

    private const double TransportLegChance = 0.2;

    /// <summary>Largest speed change between two fixes, km/h.</summary>
    private const double SpeedStepKmh = 5;

    /// <summary>Below this movement a new heading would be GPS noise, so the last one is kept.</summary>
    private const double MinHeadingMoveM = 1;

    private readonly string _deviceId;
    private readonly TimeProvider _time;
    private readonly Random _random;
    private double _distanceM;
    private bool _forward;
    private bool _working;
    private Spreading _spreading;
    private double _speedKmh;
    private double _headingDeg;
    private DateTimeOffset? _lastReading;

    public PloughModel(string deviceId, int seed, TimeProvider time, PloughRoute route)
    {
        ArgumentException.ThrowIfNullOrEmpty(deviceId);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(route);
        _deviceId = deviceId;
        _time = time;
        Route = route;
        _random = new Random(seed);

        _distanceM = _random.NextDouble(0, route.LengthM);
        _forward = _random.NextChance(0.5);
        StartLeg();
        _speedKmh = _working ? _random.NextDouble(MinWorkingKmh, MaxWorkingKmh) : _random.NextDouble(MinTransportKmh, MaxTransportKmh);
        Position = route.PositionAt(_distanceM);
        _headingDeg = route.BearingAt(_distanceM, _forward);
    }

    public PloughRoute Route { get; }

    /// <summary>Where the plough really is (the reported fix adds GPS noise).</summary>
    public GeoPoint Position { get; private set; }

    public PloughTelemetry Next()
    {
        var now = _time.GetUtcNow();

        // A fix describes the stretch that ends at it, also when a new leg starts right here.
        var (drivenKmh, working, spreading) = (_speedKmh, _working, _spreading);
        if (_lastReading is { } last && now > last)
        {
            Drive(drivenKmh / 3.6 * (now - last).TotalSeconds);
            _speedKmh = NextSpeed();
        }

        _lastReading = now;

        // Mostly good fixes, now and then a poor one (valley sides, forest).
        var hdop = Math.Round(MinHdop + ((MaxHdop - MinHdop) * Math.Pow(_random.NextDouble(), 2)), 1);
        var maxErrorM = hdop * GpsErrorPerHdopM;
        var fix = Geodesy.Offset(Position, _random.NextNoise(maxErrorM), _random.NextNoise(maxErrorM));
        var ploughDown = working && !_random.NextChance(BladeLiftChance);

        return new PloughTelemetry(
            _deviceId,
            now,
            Math.Round(fix.Lat, 6),
            Math.Round(fix.Lon, 6),
            Math.Round(drivenKmh, 1),
            RoundHeading(_headingDeg),
            ploughDown,
            working ? spreading : Spreading.None,
            hdop);
    }

    IDeviceMessage IDeviceModel.Next() => Next();

    /// <summary>Moves <paramref name="metres"/> along the route; at the end of an open route it stops there and turns for the next leg.</summary>
    private void Drive(double metres)
    {
        var target = _distanceM + (_forward ? metres : -metres);
        var legEnded = false;
        if (Route.IsLoop)
        {
            legEnded = target >= Route.LengthM || target < 0;
            target = ((target % Route.LengthM) + Route.LengthM) % Route.LengthM;
        }
        else if (target >= Route.LengthM || target <= 0)
        {
            target = Math.Clamp(target, 0, Route.LengthM);
            _forward = !_forward;
            legEnded = true;
        }

        var next = Route.PositionAt(target);
        if (Geodesy.DistanceM(Position, next) >= MinHeadingMoveM)
        {
            _headingDeg = Geodesy.BearingDeg(Position, next);
        }

        Position = next;
        _distanceM = target;
        if (legEnded)
        {
            StartLeg();
        }
    }

    private void StartLeg()
    {
        _working = !_random.NextChance(TransportLegChance);

        // Rural municipal roads are mostly sanded; salt is for the main roads and steep hills.
        var roll = _random.NextDouble();
        _spreading = roll < 0.45 ? Spreading.Sand : roll < 0.7 ? Spreading.Salt : Spreading.None;
        _speedKmh = _working
            ? Math.Clamp(_speedKmh, MinWorkingKmh, MaxWorkingKmh)
            : Math.Clamp(_speedKmh, MinTransportKmh, MaxTransportKmh);
    }

    private double NextSpeed()
    {
        var (min, max) = _working ? (MinWorkingKmh, MaxWorkingKmh) : (MinTransportKmh, MaxTransportKmh);
        return Math.Clamp(_speedKmh + _random.NextNoise(SpeedStepKmh), min, max);
    }

    private static double RoundHeading(double degrees)
    {
        var rounded = Math.Round(degrees, 1);
        return rounded >= 360 ? rounded - 360 : rounded;
    }
}
