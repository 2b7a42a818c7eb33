using System.Globalization;
using SmartOverhalla.Contracts.Messages;

namespace SmartOverhalla.Simulators.Models.Streetlights;

/// <summary>
/// One LED street light with a metering controller. The level comes from the platform's commands
/// while they hold, else from the local schedule (<see cref="DimmingControl"/>); power follows the
/// level, and the energy register integrates the power actually drawn, so it grows with every reading
/// and matches power × time (what ingestion and the savings reports check). Injected
/// <see cref="StreetlightFaults"/> change what the lamp draws and raise their event once.
/// </summary>
internal sealed class StreetlightModel : IDeviceModel, ICommandTarget, IEventSource
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
    private readonly DimmingControl _control;
    private readonly List<DeviceEvent> _events = [];
    private DateTimeOffset? _lastReading;
    private double _lastPowerW;
    private bool _lampFailureReported;
    private bool _driverFaultReported;

    /// <param name="faults">Faults to simulate (none by default).</param>
    /// <param name="commandSilenceFallback">How long a command holds without a newer one; null or zero: no limit.</param>
    public StreetlightModel(string deviceId, int seed, TimeProvider time, StreetlightFaults faults = StreetlightFaults.None, TimeSpan? commandSilenceFallback = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(deviceId);
        ArgumentNullException.ThrowIfNull(time);
        _deviceId = deviceId;
        _time = time;
        _random = new Random(seed);
        Faults = faults;

        // Road lighting LED luminaires in a rural municipality: 40-80 W.
        RatedPowerW = Math.Round(_random.NextDouble(40, 80));
        var photocellOffset = TimeSpan.FromMinutes(_random.NextNoise(10));
        var ageYears = _random.NextDouble(0, 8);
        EnergyKWh = Math.Round(RatedPowerW * BurningHoursPerYear * ageYears * 0.8 / 1000, 3);
        _control = new DimmingControl(photocellOffset, commandSilenceFallback);
    }

    /// <summary>Power at 100 % light output, watts.</summary>
    public double RatedPowerW { get; }

    /// <summary>The cumulative energy register, kWh.</summary>
    public double EnergyKWh { get; private set; }

    /// <summary>The faults this light simulates.</summary>
    public StreetlightFaults Faults { get; }

    private bool LampFailed => (Faults & StreetlightFaults.LampFailure) != 0;

    private bool DriverFaulty => (Faults & StreetlightFaults.DriverFault) != 0;

    public StreetlightTelemetry Next()
    {
        var now = _time.GetUtcNow();
        Integrate(now);
        var level = _control.LevelAt(now);
        var lampOn = level > 0 && !LampFailed;
        var powerW = Math.Round(PowerW(level, lampOn) + (lampOn ? _random.NextNoise(NoiseFraction * RatedPowerW) : 0), 2);
        RaiseFaultEvents(now, level, powerW);

        _lastReading = now;
        _lastPowerW = powerW;
        return new StreetlightTelemetry(_deviceId, now, level, powerW, Math.Round(EnergyKWh, RegisterDecimals), lampOn);
    }

    public CommandAck Apply(DeviceCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var now = _time.GetUtcNow();
        if (command is not SetDimCommand setDim)
        {
            return new CommandAck(_deviceId, now, command.CmdId, AckResult.Rejected, Reason: "a street light only takes setDim");
        }

        var refusal = _control.TryCommand(setDim.Level, setDim.UntilTs, now);
        if (refusal is not null)
        {
            return new CommandAck(_deviceId, now, command.CmdId, AckResult.Rejected, Reason: refusal);
        }

        // The lamp changes now, not at the next reading: the meter integrates the old power up to this
        // instant and the new one from it, so the energy register follows the commanded level.
        if (_lastReading is not null)
        {
            Integrate(now);
            _lastReading = now;
            _lastPowerW = PowerW(setDim.Level, setDim.Level > 0 && !LampFailed);
        }

        return new CommandAck(_deviceId, now, command.CmdId, AckResult.Applied, AppliedLevel: setDim.Level);
    }

    public IReadOnlyList<DeviceEvent> TakeEvents()
    {
        if (_events.Count == 0)
        {
            return [];
        }

        DeviceEvent[] taken = [.. _events];
        _events.Clear();
        return taken;
    }

    IDeviceMessage IDeviceModel.Next() => Next();

    /// <summary>The power of the last reading was drawn until now (a left Riemann sum, like a pulse meter).</summary>
    private void Integrate(DateTimeOffset now)
    {
        if (_lastReading is { } last && now > last)
        {
            EnergyKWh += _lastPowerW * (now - last).TotalHours / 1000;
        }
    }

    /// <summary>Noise-free power at <paramref name="level"/>.</summary>
    private double PowerW(int level, bool lampOn)
    {
        if (!lampOn)
        {
            // Off, or a failed lamp: no lamp current, only the controller.
            return ControllerStandbyW;
        }

        // A faulty driver cannot dim: it drives the LEDs at full current whatever level it is given.
        var drivenLevel = DriverFaulty ? DimmingControl.MaxLevel : level;
        return (RatedPowerW * drivenLevel / 100) + DriverOverheadW;
    }

    /// <summary>A controller notices a fault the first time it shows: the lamp asked to light draws nothing, or a dimmed lamp draws full power.</summary>
    private void RaiseFaultEvents(DateTimeOffset now, int level, double powerW)
    {
        if (LampFailed && level > 0 && !_lampFailureReported)
        {
            _lampFailureReported = true;
            _events.Add(new DeviceEvent(_deviceId, now, "lampFailure", string.Create(CultureInfo.InvariantCulture, $"no lamp current at {level} %")));
        }

        if (DriverFaulty && !LampFailed && level is > 0 and < DimmingControl.MaxLevel && !_driverFaultReported)
        {
            _driverFaultReported = true;
            var expectedW = (RatedPowerW * level / 100) + DriverOverheadW;
            _events.Add(new DeviceEvent(_deviceId, now, "driverFault", string.Create(CultureInfo.InvariantCulture, $"draws {powerW:0.0} W at {level} %, expected about {expectedW:0.0} W")));
        }
    }
}
