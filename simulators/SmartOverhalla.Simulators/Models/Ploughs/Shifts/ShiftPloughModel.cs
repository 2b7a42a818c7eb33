using NetTopologySuite.Geometries;
using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Ploughing.Geo;
using SmartOverhalla.Ploughing.Roads;

namespace SmartOverhalla.Simulators.Models.Ploughs.Shifts;

/// <summary>
/// A snowplough driving a planned shift over the road network (<see cref="ShiftPlanner"/>) at road speeds, plough down
/// while clearing and up in transport, spreading salt on county roads and sand elsewhere while clearing. Each fix
/// carries GPS noise in proportion to its HDOP, and the plough state of the stretch driven since the fix before (the
/// state at its end, when it changed on the way); like a vehicle tracker that also reports on an input change, it wants a
/// fix the moment the plough is lifted or lowered (<see cref="UntilPloughChange"/>), so no stretch mixes the two. Now and
/// then its mobile link drops for 4–12 fixes (20–60 s at a fix every 5 s): the fixes taken meanwhile wait in its buffer (<see cref="HeldUntil"/>) and go
/// late. It keeps its ground truth (<see cref="Truth"/>) as it drives; after the shift it starts the next one, if it was
/// given where to get it, or waits at the depot.
/// </summary>
internal sealed class ShiftPloughModel : IDeviceModel, ITriggeredReadings, IBufferedReadings
{
    public const double MinHdop = 0.6;
    public const double MaxHdop = 2.5;

    /// <summary>Largest GPS error per axis per unit of HDOP, metres.</summary>
    public const double GpsErrorPerHdopM = 2.0;

    /// <summary>Closer than this to the end of a leg is at its end (a clock step of a millisecond is 2 cm at most).</summary>
    private const double EndOfLegMetres = 0.05;

    private readonly string _deviceId;
    private readonly TimeProvider _time;
    private readonly Func<ShiftDrive>? _nextShift;
    private readonly double _dropoutChance;
    private readonly Random _random;
    private ShiftDrive _drive;
    private DateTimeOffset _linkDownUntil;
    private int _leg;
    private double _alongLeg;
    private double _headingDeg;
    private DateTimeOffset? _lastReading;

    /// <param name="nextShift">The shift after this one, asked for when one ends; null: the plough stays at the depot.</param>
    /// <param name="dropoutChance">The chance, at each fix, that the mobile link drops for 4–12 fixes (0: never).</param>
    public ShiftPloughModel(string deviceId, int seed, TimeProvider time, ShiftDrive drive, Func<ShiftDrive>? nextShift = null, double dropoutChance = 0)
    {
        ArgumentException.ThrowIfNullOrEmpty(deviceId);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(drive);
        if (drive.Legs.Count == 0)
        {
            throw new ArgumentException("A shift needs at least one leg.", nameof(drive));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(dropoutChance);
        _deviceId = deviceId;
        _time = time;
        _drive = drive;
        _nextShift = nextShift;
        _dropoutChance = dropoutChance;
        _random = new Random(seed);
    }

    public ShiftTruth Truth { get; } = new();

    /// <summary>The shift being driven.</summary>
    public ShiftDrive Shift => _drive;

    public DateTimeOffset? HeldUntil { get; private set; }

    TimeSpan? ITriggeredReadings.UntilTriggeredReading => UntilPloughChange;

    /// <summary>The shift has been driven to its end.</summary>
    public bool ShiftDone => _leg >= _drive.Legs.Count;

    /// <summary>Where the plough really is, UTM 33N (the reported fix adds GPS noise).</summary>
    public Coordinate Position => ShiftDone ? _drive.PositionOn(_drive.Legs.Count - 1, double.MaxValue) : _drive.PositionOn(_leg, _alongLeg);

    /// <summary>
    /// How long until the plough is lifted or lowered at the speeds of the legs ahead; null when it stays as it is to the
    /// end of the shift. A fix taken then describes the stretch before the change, the next one the stretch after.
    /// </summary>
    public TimeSpan? UntilPloughChange
    {
        get
        {
            if (ShiftDone)
            {
                return null;
            }

            var state = _drive.Legs[_leg].PloughDown;
            var seconds = (_drive.Legs[_leg].LengthMetres - _alongLeg) / (_drive.SpeedKmh(_leg) / 3.6);
            for (var leg = _leg + 1; leg < _drive.Legs.Count; leg++)
            {
                if (_drive.Legs[leg].PloughDown != state)
                {
                    // Not after the change: a fix a little late would give the stretch before it the new state.
                    return TimeSpan.FromMilliseconds(Math.Floor(seconds * 1000));
                }

                seconds += _drive.Legs[leg].LengthMetres / (_drive.SpeedKmh(leg) / 3.6);
            }

            return null;
        }
    }

    public PloughTelemetry Next()
    {
        var now = _time.GetUtcNow();
        var (ploughDown, speedKmh, roadClass) = (false, 0.0, RoadClass.Municipal);
        if (_lastReading is { } last && now > last)
        {
            (ploughDown, speedKmh, roadClass) = Drive((now - last).TotalSeconds);
            if (_dropoutChance > 0 && now >= _linkDownUntil && _random.NextChance(_dropoutChance))
            {
                // For 4-12 readings: 20-60 s at a fix every 5 s.
                _linkDownUntil = now + ((now - last) * _random.NextDouble(4, 12));
            }
        }

        _lastReading = now;

        HeldUntil = now < _linkDownUntil ? _linkDownUntil : null;
        var hdop = Math.Round(MinHdop + ((MaxHdop - MinHdop) * Math.Pow(_random.NextDouble(), 2)), 1);
        var error = hdop * GpsErrorPerHdopM;
        var here = Position;
        var (lon, lat) = Utm33.ToLonLat(new Coordinate(here.X + _random.NextNoise(error), here.Y + _random.NextNoise(error)));
        var spreading = !ploughDown ? Spreading.None : roadClass == RoadClass.County ? Spreading.Salt : Spreading.Sand;
        return new PloughTelemetry(
            _deviceId, now, Math.Round(lat, 6), Math.Round(lon, 6), Math.Round(speedKmh, 1), Math.Round(_headingDeg, 1) % 360, ploughDown, spreading, hdop);
    }

    IDeviceMessage IDeviceModel.Next() => Next();

    /// <summary>Drives for <paramref name="seconds"/>, leg by leg at each leg's speed; the plough state, speed and road class of the last leg driven.</summary>
    private (bool PloughDown, double SpeedKmh, RoadClass RoadClass) Drive(double seconds)
    {
        StartNextShiftIfDone();
        if (ShiftDone)
        {
            return (false, 0, RoadClass.Municipal);
        }

        var from = Position;
        var (lastLeg, lastSpeedKmh) = (_drive.Legs[_leg], _drive.SpeedKmh(_leg));
        while (seconds > 0 && !ShiftDone)
        {
            var leg = _drive.Legs[_leg];
            var speedKmh = _drive.SpeedKmh(_leg);
            var metresPerSecond = speedKmh / 3.6;
            var remaining = leg.LengthMetres - _alongLeg;
            var step = Math.Min(remaining, metresPerSecond * seconds);
            if (remaining - step < EndOfLegMetres)
            {
                step = remaining;
            }

            var direction = Math.Sign(leg.ToMetres - leg.FromMetres);
            Truth.Drove(leg, leg.FromMetres + (direction * _alongLeg), leg.FromMetres + (direction * (_alongLeg + step)));
            _alongLeg += step;
            seconds -= step / metresPerSecond;
            (lastLeg, lastSpeedKmh) = (leg, speedKmh);
            if (step == remaining)
            {
                (_leg, _alongLeg) = (_leg + 1, 0);
                if (seconds > 0)
                {
                    StartNextShiftIfDone();
                }
            }
        }

        var to = Position;
        if (from.Distance(to) >= 1)
        {
            // The direction moved, from true north: the two positions' longitude and latitude.
            var (fromLon, fromLat) = Utm33.ToLonLat(from);
            var (toLon, toLat) = Utm33.ToLonLat(to);
            var east = (toLon - fromLon) * Math.Cos(fromLat * Math.PI / 180);
            _headingDeg = ((Math.Atan2(east, toLat - fromLat) * 180 / Math.PI) + 360) % 360;
        }

        return (lastLeg.PloughDown, lastSpeedKmh, lastLeg.Segment.Class);
    }

    /// <summary>At the end of a shift, the next one starts from the depot where this one ended (when there is a next one).</summary>
    private void StartNextShiftIfDone()
    {
        if (ShiftDone && _nextShift?.Invoke() is { Legs.Count: > 0 } next)
        {
            (_drive, _leg, _alongLeg) = (next, 0, 0);
        }
    }
}
