using Microsoft.Extensions.Logging;

namespace SmartOverhalla.Lighting.Reloading;

/// <summary>Log catalogue of the zone-file reloading (event ids 6001–6099: the lighting domain). The problems are the operator's file, never device data.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Loaded lighting zones from {Path}: {ZoneCount} zones, {ProfileCount} profiles")]
    public static partial void Loaded(ILogger logger, string path, int zoneCount, int profileCount);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Reloaded lighting zones from {Path}: {ZoneCount} zones, {ProfileCount} profiles")]
    public static partial void Reloaded(ILogger logger, string path, int zoneCount, int profileCount);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Error, Message = "The changed lighting zone file {Path} has {Count} problems and was not taken into use; the previous zones stay in force:{Problems}")]
    public static partial void Rejected(ILogger logger, string path, int count, string problems);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Error, Message = "A handler of the lighting zones' Changed event failed")]
    public static partial void ChangedHandlerFailed(ILogger logger, Exception exception);
}
