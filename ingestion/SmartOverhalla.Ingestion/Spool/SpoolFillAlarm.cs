using Microsoft.Extensions.Logging;

namespace SmartOverhalla.Ingestion.Spool;

/// <summary>
/// The spool's fill level as operators see it: the alarm at <see cref="SpoolOptions.AlarmFillRatio"/> (raised
/// once per crossing, logged and counted, cleared below the level) and the "full" state after a refused append.
/// Not thread-safe: <see cref="BatchSpool"/> calls it under its lock.
/// </summary>
internal sealed class SpoolFillAlarm(SpoolOptions options, string directory, ILogger logger)
{
    private readonly long _alarmBytes = (long)(options.MaxBytes * options.AlarmFillRatio);

    public bool IsRaised { get; private set; }

    public bool IsFull { get; private set; }

    /// <summary>Times the alarm was raised since start.</summary>
    public long Raised { get; private set; }

    /// <summary>Appends refused for lack of room since start.</summary>
    public long RefusedAppends { get; private set; }

    public void Update(long bytes, long records)
    {
        var above = bytes >= _alarmBytes;
        if (above && !IsRaised)
        {
            Raise(bytes, records);
        }
        else if (!above && IsRaised && !IsFull)
        {
            IsRaised = false;
            Log.SpoolAlarmCleared(logger, Percent(bytes), bytes, options.MaxBytes);
        }
    }

    /// <summary>
    /// An append did not fit. A batch larger than the room left can jump from below the alarm level straight to
    /// full, so the alarm is raised here too when it was not yet: operators always get the alarm before "full".
    /// </summary>
    public void AppendRefused(long bytes, long records)
    {
        RefusedAppends++;
        if (!IsRaised)
        {
            Raise(bytes, records);
        }

        if (!IsFull)
        {
            IsFull = true;
            Log.SpoolFull(logger, bytes, options.MaxBytes, directory);
        }
    }

    /// <summary>An append succeeded or a segment was freed: no longer full.</summary>
    public void RoomMade() => IsFull = false;

    private void Raise(long bytes, long records)
    {
        IsRaised = true;
        Raised++;
        Log.SpoolAlarm(logger, Percent(bytes), bytes, options.MaxBytes, records, directory);
    }

    private double Percent(long bytes) => bytes * 100.0 / options.MaxBytes;
}
