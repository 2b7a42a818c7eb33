using SmartOverhalla.Contracts.Topics;

namespace SmartOverhalla.Alerts.Reports;

/// <summary>
/// What makes a report acceptable, each problem named by its field: a known alert type, safe identifiers, a time not
/// in the future, bounded text, figures whose names can be InfluxDB fields of the <c>alert</c> series without clashing.
/// </summary>
public static class AlertReportRules
{
    /// <summary>A report may be this far ahead of the gateway's clock (clocks of two hosts differ a little).</summary>
    public static readonly TimeSpan MaxFutureSkew = TimeSpan.FromMinutes(5);

    public const int MaxValues = 20;

    /// <summary>
    /// Names an alert's figures must not take: the <c>alert</c> point's own fields, its tags (a field named like a tag makes
    /// InfluxQL's <c>WHERE "municipality" = …</c> match the field, and every query of the measurement comes back empty),
    /// and <c>time</c>, which line protocol refuses as a key.
    /// </summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "active", "severity", "alertId", "domain", "message", "detail", "cmdId", "attempts", "job", "clearedBy",
        "municipality", "kind", "device", "type", "time",
    };

    /// <summary>Problems of <paramref name="report"/> at position <paramref name="index"/>, as (field, reason); none when it is acceptable.</summary>
    /// <param name="maxAge">How far back a report's times may lie: as far as a device's readings may (<c>Validation:MaxAge</c>).</param>
    public static IEnumerable<(string Field, string Reason)> Problems(AlertReport report, int index, AlertCatalogue catalogue, DateTimeOffset now, TimeSpan maxAge)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(catalogue);
        var at = $"reports[{index}]";
        if (!DeviceTopic.IsValidMunicipality(report.Municipality))
        {
            yield return ($"{at}.municipality", "must be 2-40 lower-case letters, digits or '-', starting with a letter");
        }

        if (!catalogue.TryGet(report.Kind ?? string.Empty, report.Type ?? string.Empty, out _))
        {
            yield return ($"{at}.type", $"'{Printable(report.Kind)}/{Printable(report.Type)}' is not an alert type; known: {string.Join(", ", catalogue.Definitions.Select(d => $"{d.Kind}/{d.Type}"))}");
        }

        if (!DeviceTopic.IsValidDeviceId(report.Device))
        {
            yield return ($"{at}.device", "must be 1-64 ASCII letters, digits, '-' or '_', starting with a letter or digit");
        }

        if (report.At > now + MaxFutureSkew)
        {
            yield return ($"{at}.at", $"is more than {MaxFutureSkew.TotalMinutes:0} minutes ahead of the gateway's clock");
        }

        if (report.At < now - maxAge)
        {
            yield return ($"{at}.at", report.At == default ? "is required" : $"is more than {maxAge.TotalDays:0} days in the past");
        }

        if (report.Since is { } earliest && earliest < now - maxAge)
        {
            yield return ($"{at}.since", $"is more than {maxAge.TotalDays:0} days in the past");
        }

        if (!Enum.IsDefined(report.State))
        {
            yield return ($"{at}.state", "must be active or cleared");
        }

        if (report.Since is { } since && (since > report.At || report.State == AlertReportState.Cleared))
        {
            yield return ($"{at}.since", "must not be after 'at', and only goes with an active report");
        }

        if (string.IsNullOrWhiteSpace(report.Job) || report.Job.Length > 64 || !report.Job.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            yield return ($"{at}.job", "must be 1-64 ASCII letters, digits, '-' or '_'");
        }

        if (report.Detail is { Length: > AlertSource.MaxDetailLength })
        {
            yield return ($"{at}.detail", $"must be at most {AlertSource.MaxDetailLength} characters");
        }

        if (report.Values is { Count: > MaxValues })
        {
            yield return ($"{at}.values", $"at most {MaxValues} figures");
        }

        foreach (var (name, value) in report.Values ?? new Dictionary<string, double>())
        {
            if (string.IsNullOrEmpty(name) || name.Length > 40 || !char.IsAsciiLetterLower(name[0]) || !name.All(char.IsAsciiLetterOrDigit) || Reserved.Contains(name))
            {
                yield return ($"{at}.values", $"'{Printable(name)}' is not a figure name (camelCase ASCII letters and digits, at most 40, not one of {string.Join(", ", Reserved.Order(StringComparer.Ordinal))})");
            }
            else if (!double.IsFinite(value))
            {
                yield return ($"{at}.values.{name}", "must be a finite number");
            }
        }
    }

    /// <summary>An untrusted string for an error message: bounded, control characters replaced.</summary>
    private static string Printable(string? text)
    {
        var value = text ?? string.Empty;
        value = value.Length > 64 ? value[..64] + "…" : value;
        return new string([.. value.Select(c => char.IsControl(c) ? '?' : c)]);
    }
}
