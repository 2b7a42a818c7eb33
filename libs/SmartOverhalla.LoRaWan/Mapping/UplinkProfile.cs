using System.Collections.Immutable;
using SmartOverhalla.Contracts.Topics;

namespace SmartOverhalla.LoRaWan.Mapping;

/// <summary>One profile of the mapping file: the uplinks it matches, the device kind they are, and how each contract field is filled.</summary>
/// <param name="Fields">In the contract's field order.</param>
/// <param name="TimestampFrom">Decoded field with the device's own time (RFC 3339 text, or Unix seconds), or null to use the network server's reception time.</param>
/// <param name="Commands">For street lights that take downlinks; null when the profile's lights cannot be commanded.</param>
public sealed record UplinkProfile(string Name, ProfileMatch Match, DeviceKind Kind, ImmutableArray<FieldRule> Fields, string? TimestampFrom, CommandProfile? Commands);
