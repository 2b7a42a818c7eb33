using System.Text.Json.Serialization;

namespace SmartOverhalla.Analytics.Water.Directory;

/// <summary>
/// The gateway's answer to <c>GET /api/v1/water/meters?municipality=…</c>: every meter's id, role and district, never an
/// address (the gateway keeps those).
/// </summary>
internal sealed record MeterDirectoryResponse(IReadOnlyList<MeterDirectoryEntry>? Meters);

/// <summary>One meter of <see cref="MeterDirectoryResponse"/>; <c>role</c> is <c>household</c> or <c>district-inflow</c>.</summary>
internal sealed record MeterDirectoryEntry(string? Municipality, string? Meter, string? Role, string? District);

[JsonSerializable(typeof(MeterDirectoryResponse))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class MeterDirectoryJsonContext : JsonSerializerContext;
