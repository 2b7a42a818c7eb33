using System.Text.Json.Serialization;
using SmartOverhalla.Contracts.Json;

namespace SmartOverhalla.Contracts.Alerts;

/// <summary>How urgently operators should act. On the wire in camelCase: <c>warning</c>, <c>critical</c>.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<AlertSeverity>))]
public enum AlertSeverity
{
    /// <summary>Act within working hours: service goes on (the road stays lit, water flows), but something is lost.</summary>
    Warning,

    /// <summary>Act soon: people are affected now (part of a road dark, a burst main, a road not cleared).</summary>
    Critical,
}
