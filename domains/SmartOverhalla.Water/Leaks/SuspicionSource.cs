namespace SmartOverhalla.Water.Leaks;

/// <summary>Who says so.</summary>
public enum SuspicionSource
{
    /// <summary>The platform's own rule over the readings, so it works for meters without alarms too.</summary>
    Rule,

    /// <summary>The meter's own alarm flag (<c>alarms.leak</c>, <c>alarms.burst</c>).</summary>
    MeterAlarm,
}
