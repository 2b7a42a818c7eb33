using System.Text.Json.Serialization;
using SmartOverhalla.Contracts.Json;

namespace SmartOverhalla.Gateway.Alerts;

/// <summary>How urgently operators should act. On the wire in camelCase: <c>warning</c>, <c>critical</c>.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<AlertSeverity>))]
internal enum AlertSeverity
{
    /// <summary>Act within working hours: the road stays lit, but energy or control is lost.</summary>
    Warning,

    /// <summary>Act soon: part of a road may be dark.</summary>
    Critical,
}
