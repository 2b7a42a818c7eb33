using Microsoft.Extensions.Logging;

namespace SmartOverhalla.Ingestion.Spool;

/// <summary>
/// The spool's corruption messages (the rest of the spool's messages are in the worker's <c>Log</c>). Event ids
/// 60 and up, clear of the worker's catalogue.
/// </summary>
internal static partial class SpoolLog
{
    [LoggerMessage(60, LogLevel.Error, "Spool segment {File} is unreadable from offset {Offset} to {ResumeOffset} ({Bytes} bytes); those bytes are kept in {AsideFile} for inspection and are not replayed; replay goes on with the intact record that follows them")]
    public static partial void SpoolResynchronised(ILogger logger, string file, long offset, long resumeOffset, long bytes, string asideFile);
}
