using System.Text.Json.Serialization;
using SmartOverhalla.Contracts.Json;

namespace SmartOverhalla.Gateway.Alerts;

/// <summary>What an alert is about. On the wire (API, webhook, InfluxDB tag <c>type</c>) in camelCase: <c>lampFailure</c>.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<AlertType>))]
internal enum AlertType
{
    /// <summary>The light's <c>lampFailure</c> event: it is asked to light but draws no lamp current.</summary>
    LampFailure,

    /// <summary>The light's <c>driverFault</c> event: its power draw does not match its dim level.</summary>
    DriverFault,

    /// <summary>The gateway's own finding: no ack to a command after every attempt.</summary>
    Unresponsive,
}
