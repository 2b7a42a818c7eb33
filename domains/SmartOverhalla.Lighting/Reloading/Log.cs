using Microsoft.Extensions.Logging;

namespace SmartOverhalla.Lighting.Reloading;

/// <summary>Log catalogue of the zone-file reloading. The problems are the operator's file, never device data.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Loaded lighting zones from {Path}: {ZoneCount} zones, {ProfileCount} profiles")]
    public static partial void Loaded(ILogger logger, string path, int zoneCount, int profileCount);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Reloaded lighting zones from {Path}: {ZoneCount} zones, {ProfileCount} profiles")]
    public static partial void Reloaded(ILogger logger, string path, int zoneCount, int profileCount);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "The changed lighting zone file {Path} has {Count} problems and was not taken into use; the previous zones stay in force:{Problems}")]
    public static partial void Rejected(ILogger logger, string path, int count, string problems);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "A handler of the lighting zones' Changed event failed")]
    public static partial void ChangedHandlerFailed(ILogger logger, Exception exception);
}
