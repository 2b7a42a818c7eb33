using SmartOverhalla.Influx;

namespace SmartOverhalla.Gateway.Audit;

/// <summary>
/// An <see cref="AuditEntry"/> as a point of measurement <c>audit</c>: tags <c>actor</c> and <c>action</c> (few
/// values: key names, service names, a handful of actions), fields <c>target</c> and <c>details</c> (device ids
/// and free text would make a series per device). Timestamps are made unique by the caller, so entries of one
/// actor and action never overwrite each other.
/// </summary>
internal static class AuditPoint
{
    public const string Measurement = "audit";

    /// <summary>Longest target and details text stored (characters); longer text is cut.</summary>
    public const int MaxDetails = 1_000;

    public static PointData From(AuditEntry entry, long timestampNs)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var point = PointData.Measurement(Measurement)
            .Tag("actor", TagSafe(entry.Actor))
            .Tag("action", TagSafe(entry.Action))
            .Field("target", entry.Target.Length > MaxDetails ? entry.Target[..MaxDetails] : entry.Target)
            .TimestampNs(timestampNs);
        if (!string.IsNullOrEmpty(entry.Details))
        {
            point.Field("details", entry.Details.Length > MaxDetails ? entry.Details[..MaxDetails] : entry.Details);
        }

        return point;
    }

    /// <summary>Tags refuse line breaks and a trailing backslash; actors and actions are names, so anything else is replaced.</summary>
    private static string TagSafe(string value)
    {
        var cleaned = string.Create(value.Length, value, static (span, text) =>
        {
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                span[i] = char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':' ? c : '_';
            }
        });
        return cleaned.Length == 0 ? "_" : cleaned;
    }
}
