using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmartOverhalla.Contracts.Json;

/// <summary>Enums travel as camelCase strings (<c>"salt"</c>, <c>"online"</c>); numbers are refused.</summary>
public sealed class CamelCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    where TEnum : struct, Enum;
