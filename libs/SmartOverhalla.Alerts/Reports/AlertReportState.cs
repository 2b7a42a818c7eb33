using System.Text.Json.Serialization;
using SmartOverhalla.Contracts.Json;

namespace SmartOverhalla.Alerts.Reports;

/// <summary>What a reporter found at <see cref="AlertReport.At"/>: the condition holds (<c>active</c>) or has ended (<c>cleared</c>).</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<AlertReportState>))]
public enum AlertReportState
{
    /// <summary>The condition holds: raise the alert, or update its figures when it is open.</summary>
    Active,

    /// <summary>The condition has ended: clear the alert, if open.</summary>
    Cleared,
}
