using System.Text.Json.Serialization;
using SmartOverhalla.Contracts.Json;

namespace SmartOverhalla.Alerts.Reports;

/// <summary>What one report did to the ledger.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<AlertReportOutcome>))]
public enum AlertReportOutcome
{
    /// <summary>A new alert was opened.</summary>
    Raised,

    /// <summary>The open alert got new figures.</summary>
    Updated,

    /// <summary>The open alert was cleared.</summary>
    Cleared,

    /// <summary>Nothing changed: the alert was already open with these figures, was not open to clear, or the report is older than its last change.</summary>
    Unchanged,
}
